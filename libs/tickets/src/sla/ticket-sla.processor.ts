import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, TypedProcessor } from '@app/core';
import { TicketSlaService } from './ticket-sla.service';

/** SLA timers (worker): escalation steps, auto-close, and the periodic sweep. */
@Processor(QueueName.TicketSla)
export class TicketSlaProcessor extends TypedProcessor<QueueName.TicketSla> {
  protected readonly queueName = QueueName.TicketSla;

  constructor(private readonly sla: TicketSlaService) {
    super();
  }

  protected handlers(): JobHandlers<QueueName.TicketSla> {
    return {
      escalate: async (data) => ({ fired: await this.sla.escalate(data.ticketId) }),
      'auto-close': async (data) => ({ closed: await this.sla.autoClose(data.ticketId) }),
      sweep: async () => this.sla.sweep(),
    };
  }
}
