import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, QueueProducer } from '@app/core';

export const SPEAKER_SWEEP_SCHEDULER_ID = 'speaker-sweep';
export const SPEAKER_SWEEP_EVERY_MS = 15_000;

/** Registers the repeatable speaker sweep (worker). Upserted by id: one schedule however many workers. */
@Injectable()
export class SpeakerSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SpeakerSweepScheduler.name);

  constructor(private readonly queues: QueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(QueueName.SpeakerTimers)
      .upsertJobScheduler(SPEAKER_SWEEP_SCHEDULER_ID, { every: SPEAKER_SWEEP_EVERY_MS }, { name: 'sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    this.logger.log(`speaker sweep scheduled every ${SPEAKER_SWEEP_EVERY_MS} ms`);
  }
}
