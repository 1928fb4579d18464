// One ticket, kept live: joins its topic room and reloads on each update of it.
import { api, call } from '../api/api-client';
import type { TicketFull } from '../api/views';
import { useRealtimeEvent, useTopic } from '../realtime/realtime-context';
import { useDebounced, useLoad } from '../ui/use-load';

export function useTicket(ticketId: string) {
  const state = useLoad(() => call<TicketFull>(() => api.GET('/api/v1/tickets/{id}', { params: { path: { id: ticketId } } })), [ticketId]);
  useTopic('ticket', ticketId);
  const reload = useDebounced(state.reload, 150);
  useRealtimeEvent('ticket.updated', (t) => t.id === ticketId && reload());
  return state;
}
