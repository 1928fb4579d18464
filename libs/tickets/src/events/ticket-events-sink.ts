// Live push of ticket changes and notifications. The realtime module (libs/realtime) provides a
// publisher with exactly this shape (`toRoom(room, event, payload)`); until it is wired in, the
// no-op sink keeps the ticket module independent of it (the inbox is stored either way).

export interface TicketEventsSink {
  /** Several rooms at once reach a socket that is in more than one of them only once. */
  toRoom(room: string | readonly string[], event: string, payload: unknown): unknown;
}

export const TICKET_EVENTS_SINK = Symbol('TICKET_EVENTS_SINK');

export const NOOP_TICKET_EVENTS_SINK: TicketEventsSink = { toRoom: () => undefined };

export const rooms = {
  user: (accountId: string) => `user:${accountId}`,
  household: (unitId: string) => `household:${unitId}`,
  staff: (siteId: string) => `staff:${siteId}`,
};
