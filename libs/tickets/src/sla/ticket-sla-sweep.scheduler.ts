import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobSchedules, QueueName } from '@app/core';

export const SLA_SWEEP_SCHEDULER_ID = 'ticket-sla-sweep';
export const SLA_SWEEP_EVERY_MS = 30_000;

/** Registers the repeatable SLA sweep (worker). Upserted by id: one schedule however many workers. */
@Injectable()
export class TicketSlaSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TicketSlaSweepScheduler.name);

  constructor(private readonly schedules: JobSchedules) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.keep(QueueName.TicketSla, SLA_SWEEP_SCHEDULER_ID, SLA_SWEEP_EVERY_MS, 'sweep', {});
    this.logger.log(`ticket SLA sweep scheduled every ${SLA_SWEEP_EVERY_MS} ms`);
  }
}
