import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobSchedules, QueueName } from '@app/core';

export const SPEAKER_SWEEP_SCHEDULER_ID = 'speaker-sweep';
export const SPEAKER_SWEEP_EVERY_MS = 15_000;

/** Registers the repeatable speaker sweep (worker). Upserted by id: one schedule however many workers. */
@Injectable()
export class SpeakerSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SpeakerSweepScheduler.name);

  constructor(private readonly schedules: JobSchedules) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.keep(QueueName.SpeakerTimers, SPEAKER_SWEEP_SCHEDULER_ID, SPEAKER_SWEEP_EVERY_MS, 'sweep', {});
    this.logger.log(`speaker sweep scheduled every ${SPEAKER_SWEEP_EVERY_MS} ms`);
  }
}
