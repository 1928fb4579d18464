import { EscalationTicket, WorkflowTicket } from '../domain';
import { Ticket } from './ticket.entity';

/** The fields the workflow rules read. */
export function workflowTicket(t: Ticket): WorkflowTicket {
  return { status: t.status, reporterId: t.reporterId, unitId: t.unitId, assigneeId: t.assigneeId, reopenCount: t.reopenCount, firstResponseAt: t.firstResponseAt };
}

/** The fields escalation reads (the stored SLA snapshot). */
export function escalationTicket(t: Ticket): EscalationTicket {
  return {
    status: t.status,
    firstResponseWarnAt: t.firstResponseWarnAt,
    firstResponseDueAt: t.firstResponseDueAt,
    firstResponseMetAt: t.firstResponseMetAt,
    resolutionWarnAt: t.resolutionWarnAt,
    resolutionDueAt: t.resolutionDueAt,
    resolutionMetAt: t.resolutionMetAt,
    stoppedAt: t.slaStoppedAt,
    paused: t.slaPaused,
  };
}
