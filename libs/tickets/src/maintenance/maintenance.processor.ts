import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, TypedProcessor } from '@app/core';
import { scheduledInstantOf } from '../domain';
import { MaintenanceOccurrences } from './maintenance-occurrences.service';

/** Preventive maintenance occurrences (worker): each becomes exactly one ticket. */
@Processor(QueueName.TicketMaintenance)
export class MaintenanceProcessor extends TypedProcessor<QueueName.TicketMaintenance> {
  protected readonly queueName = QueueName.TicketMaintenance;

  constructor(private readonly occurrences: MaintenanceOccurrences) {
    super();
  }

  protected handlers(): JobHandlers<QueueName.TicketMaintenance> {
    return {
      'plan-occurrence': async (data, job) => {
        const at = data.occurrenceAt ?? scheduledInstantOf({ id: job.id, opts: job.opts as { prevMillis?: number } }) ?? job.timestamp;
        return this.occurrences.run(data.planId, at);
      },
    };
  }
}
