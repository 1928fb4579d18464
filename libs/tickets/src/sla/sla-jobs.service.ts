import { Injectable, Logger } from '@nestjs/common';
import { currentCorrelationId, QueueName, QueueProducer } from '@app/core';
import { PlannedSlaJob } from '../domain';

/** Keeps a ticket's delayed BullMQ jobs in line with its due times (after the change commits). */
@Injectable()
export class SlaJobsService {
  private readonly logger = new Logger(SlaJobsService.name);

  constructor(private readonly queues: QueueProducer) {}

  async sync(ticketId: string, plan: readonly PlannedSlaJob[], previousJobIds: readonly string[]): Promise<void> {
    const now = Date.now();
    const q = this.queues.queue(QueueName.TicketSla);
    const correlationId = currentCorrelationId();
    // One round trip for all of them. Same id = same step at the same instant: adding it again is a no-op.
    if (plan.length) {
      await q.addBulk(plan.map((job) => ({ name: job.name, data: { ticketId, correlationId }, opts: { jobId: job.jobId, delay: Math.max(0, job.at.getTime() - now) } })));
    }
    const keep = new Set(plan.map((j) => j.jobId));
    const stale = previousJobIds.filter((id) => !keep.has(id));
    if (stale.length === 0) return;
    for (const id of stale) {
      // A stale job that still runs is harmless (the processor re-reads the ticket); removal is tidiness.
      await q.remove(id).catch((err: Error) => this.logger.debug(`could not remove ${id}: ${err.message}`));
    }
  }
}
