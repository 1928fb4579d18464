import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/core';
import { AnnouncementsService } from '../announcements/announcements.service';
import { SpeakerCommand } from '../domain';
import { SpeakerDeviceLinks } from '../engine/speaker-device-links';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerLive } from '../engine/speaker-live.service';
import { SpeakerStore } from '../engine/speaker-store';

/**
 * Speaker events from the device layer (api): bt.connected / bt.disconnected / volume go through
 * the speaker's reducer; playback is stored for the live view; announcement.played (extension)
 * ends the announcement's delivery on that speaker. The handler's answer is stored with
 * the event as its outcome. Events are at-least-once: the reducer treats repeats as no-ops.
 */
@Injectable()
export class SpeakerDeviceEventsRegistration implements OnModuleInit {
  private readonly logger = new Logger(SpeakerDeviceEventsRegistration.name);

  constructor(
    private readonly devices: SpeakerDeviceLinks,
    private readonly engine: SpeakerEngine,
    private readonly store: SpeakerStore,
    private readonly live: SpeakerLive,
    private readonly announcements: AnnouncementsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.devices.dispatcher.on('bt.connected', ({ device, event }) => this.run(device.id, { type: 'btConnected', sessionId: event.data.sessionId, code: event.data.code }));
    this.devices.dispatcher.on('bt.disconnected', ({ device, event }) => this.run(device.id, { type: 'btDisconnected', sessionId: event.data.sessionId, reason: event.data.reason }));
    this.devices.dispatcher.on('volume', ({ device, event }) => this.run(device.id, { type: 'volumeReported', level: event.data.level }));
    this.devices.dispatcher.on('announcement.played', ({ device, event }) => this.announcements.onPlayedReport(device.id, event.data).catch(notPlaced));
    this.devices.dispatcher.on('playback', async ({ device, event }) => {
      const updated = await this.db.transaction(async (m) => {
        const speaker = await this.store.lock(m, device.id).catch((err: unknown) => (err instanceof DomainError ? null : Promise.reject(err)));
        if (!speaker) return null;
        const version = await this.store.savePlayback(m, device.id, event.data);
        return { ...speaker, playback: event.data, version };
      });
      if (!updated) return { speaker: 'not_placed' };
      await this.live.state(updated);
      return { speaker: 'playback' };
    });
  }

  private async run(speakerId: string, command: SpeakerCommand): Promise<Record<string, unknown>> {
    try {
      const applied = await this.engine.apply(speakerId, async (step) => {
        step.reduce(command);
      });
      return { speaker: applied.result.ok ? applied.result.outcome : applied.result.code };
    } catch (err) {
      return notPlaced(err);
    }
  }
}

// A speaker not placed in a zone has no state to change; anything else is a real failure.
function notPlaced(err: unknown): { speaker: 'not_placed' } {
  if (err instanceof DomainError && err.kind === 'not_found') return { speaker: 'not_placed' };
  throw err;
}
