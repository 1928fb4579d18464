import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TicketPayload } from '@app/contracts/realtime';
import { formatTicketNumber } from '../domain';
import { Ticket } from '../tickets/ticket.entity';
import { rooms, TICKET_EVENTS_SINK, TicketEventsSink } from './ticket-events-sink';

export type TicketEventName = 'ticket.created' | 'ticket.updated';

/** The realtime contract's ticket payload; `ticketVersion` is the row version to send back on changes. */
export type TicketLivePayload = TicketPayload & { ticketVersion: number; slaBreached: boolean };

export function ticketPayload(t: Ticket, changedAt: Date, changes?: string[]): TicketLivePayload {
  return {
    id: t.id,
    // Changes of one ticket are serialized by its row lock, so their times only grow; SLA
    // bookkeeping (escalations) does not bump the row version but is still a newer event.
    version: changedAt.getTime(),
    at: changedAt.toISOString(),
    siteId: t.siteId,
    unitId: t.unitId,
    number: formatTicketNumber(t.number),
    title: t.title,
    category: t.category,
    priority: t.priority,
    status: t.status,
    assigneeId: t.assigneeId,
    dueAt: t.slaDueAt ? t.slaDueAt.toISOString() : null,
    ...(changes ? { changes } : {}),
    ticketVersion: t.version,
    slaBreached: t.slaBreached,
  };
}

/**
 * Live push after commit: the ticket to the site's staff room, the household (unit tickets), the
 * reporter and watchers, and the ticket's opt-in room (notifications go through the Notifier).
 * The payload has no internal content (notes, hold reasons), so every room may get the same one.
 */
@Injectable()
export class TicketLiveEvents {
  private readonly logger = new Logger(TicketLiveEvents.name);

  constructor(@Inject(TICKET_EVENTS_SINK) private readonly sink: TicketEventsSink) {}

  async ticketChanged(event: TicketEventName, t: Ticket, changedAt: Date, changes?: string[]): Promise<void> {
    const payload = ticketPayload(t, changedAt, event === 'ticket.updated' ? changes : undefined);
    const targets = new Set<string>([rooms.staff(t.siteId), `ticket:${t.id}`]);
    if (t.unitId) targets.add(rooms.household(t.unitId));
    if (t.reporterAccountId) targets.add(rooms.user(t.reporterAccountId));
    for (const w of t.watcherAccountIds ?? []) targets.add(rooms.user(w));
    await this.emit([...targets], event, payload);
  }

  private async emit(room: string | string[], event: string, payload: unknown): Promise<void> {
    try {
      await this.sink.toRoom(room, event, payload);
    } catch (err) {
      // The change is committed and the inbox stored; a lost live push is only a missed refresh.
      this.logger.warn(`live push ${event} to ${room} failed: ${(err as Error).message}`);
    }
  }
}
