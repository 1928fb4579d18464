import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { DomainError } from '@app/core';
import { AnnouncementPlanner } from '../announcements/announcement-planner';
import { AnnouncementsService } from '../announcements/announcements.service';
import { SpeakerDeviceLinks } from '../engine/speaker-device-links';
import { SpeakerEngine } from '../engine/speaker-engine.service';

/**
 * Both apps: a speaker going offline ends its session fairly (the queue waits and moves on when it
 * is back); acks and failures of `speaker.announce` move announcement deliveries on. Each is
 * emitted once, by the process that recorded it.
 */
@Injectable()
export class SpeakerPresenceListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SpeakerPresenceListener.name);
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly devices: SpeakerDeviceLinks,
    private readonly engine: SpeakerEngine,
    private readonly planner: AnnouncementPlanner,
    private readonly announcements: AnnouncementsService,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(
      this.devices.statusEvents.changes$.subscribe((change) => {
        if (change.kind === 'speaker') this.track(this.presence(change.deviceId, change.online));
      }),
      this.devices.results.results$.subscribe((result) => {
        if (result.type === 'speaker.announce') this.track(this.announcements.onCommandResult(result));
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }

  async presence(speakerId: string, online: boolean): Promise<void> {
    await this.engine.apply(speakerId, async (step) => {
      const playing = step.state.announcement;
      // The announcement that was playing did not play out.
      if (!online && playing) await this.planner.finish(step, playing.announcementId, 'failed', 'speaker_offline');
      step.reduce({ type: online ? 'speakerOnline' : 'speakerOffline' });
    });
  }

  private track(work: Promise<unknown>): void {
    const p = work
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.kind === 'not_found') return; // a device not placed in a zone
        this.logger.warn(`speaker presence/announcement update failed: ${(err as Error).message}`);
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }
}
