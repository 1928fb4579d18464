import { Injectable, Logger } from '@nestjs/common';
import { QueueName, QueueProducer, stableJobId } from '@app/core';
import { EpochMs } from '../domain';

const announcementEndJobId = (announcementId: string, speakerId: string): string => stableJobId('spkann', announcementId, speakerId, 'end');

// Delayed jobs fire a hair after their due time so the reducer, comparing now >= at, sees them due.
const FIRE_AFTER_MS = 25;

/**
 * The speaker timers as BullMQ delayed jobs (queue speaker-timers). Ids are stable and carry the
 * due time, so re-adding one is a no-op and a stale one firing is harmless (`tick` acts only on
 * what the state says is due). Removal is tidiness; the sweep catches anything lost.
 */
@Injectable()
export class SpeakerTimers {
  private readonly logger = new Logger(SpeakerTimers.name);

  constructor(private readonly queues: QueueProducer) {}

  async schedule(speakerId: string, at: EpochMs, jobId: string): Promise<void> {
    await this.queues.add(QueueName.SpeakerTimers, 'tick', { speakerId }, { jobId, delay: this.delay(at) });
  }

  async cancel(jobId: string): Promise<void> {
    await this.queues
      .queue(QueueName.SpeakerTimers)
      .remove(jobId)
      .catch((err: Error) => this.logger.debug(`could not remove timer ${jobId}: ${err.message}`));
  }

  async zoneTick(zoneId: string, at: EpochMs): Promise<void> {
    await this.queues.add(QueueName.SpeakerTimers, 'zone-tick', { zoneId }, { jobId: stableJobId('spkzone', zoneId, at), delay: this.delay(at) });
  }

  async announcementStart(announcementId: string, at: EpochMs): Promise<void> {
    await this.queues.add(QueueName.SpeakerTimers, 'announcement-start', { announcementId }, { jobId: stableJobId('spkann', announcementId, 'start', at), delay: this.delay(at) });
  }

  /** The fallback that infers "played" for a speaker that never reports `announcement.played`. */
  async announcementEnd(announcementId: string, speakerId: string, at: EpochMs): Promise<void> {
    await this.queues.add(QueueName.SpeakerTimers, 'announcement-end', { announcementId, speakerId }, { jobId: announcementEndJobId(announcementId, speakerId), delay: this.delay(at) });
  }

  async cancelAnnouncementEnd(announcementId: string, speakerId: string): Promise<void> {
    await this.cancel(announcementEndJobId(announcementId, speakerId));
  }

  private delay(at: EpochMs): number {
    return Math.max(0, at - Date.now() + FIRE_AFTER_MS);
  }
}
