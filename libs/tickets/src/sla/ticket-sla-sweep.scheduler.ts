import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, QueueProducer } from '@app/core';

export const SLA_SWEEP_SCHEDULER_ID = 'ticket-sla-sweep';
export const SLA_SWEEP_EVERY_MS = 30_000;

/** Registers the repeatable SLA sweep (worker). Upserted by id: one schedule however many workers. */
@Injectable()
export class TicketSlaSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TicketSlaSweepScheduler.name);

  constructor(private readonly queues: QueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(QueueName.TicketSla)
      .upsertJobScheduler(SLA_SWEEP_SCHEDULER_ID, { every: SLA_SWEEP_EVERY_MS }, { name: 'sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    this.logger.log(`ticket SLA sweep scheduled every ${SLA_SWEEP_EVERY_MS} ms`);
  }
}
