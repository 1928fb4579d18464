// Ticket statuses and how each one affects the SLA clocks.

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'reopened', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the SLA clocks run. */
export const SLA_RUNNING_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['new', 'assigned', 'in_progress', 'reopened']);

/** Statuses that count as open work (queues, duplicates, assignment load). */
export const OPEN_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['new', 'assigned', 'in_progress', 'on_hold', 'reopened']);

/** No further work, no escalation: the ticket is done (resolved waits only for the resident). */
export const DONE_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['resolved', 'closed', 'cancelled']);

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}
