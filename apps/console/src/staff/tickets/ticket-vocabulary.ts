// The ticket vocabulary the screens offer, checked by the compiler against the api's own types
// (a renamed status or category on the server breaks the console's typecheck, not its users).
import type { components } from '../../api/openapi';
import type { TicketSummary } from '../../api/views';

type Status = TicketSummary['status'];
type Category = components['schemas']['CreateTicketDto']['category'];
type Priority = NonNullable<components['schemas']['CreateTicketDto']['priority']>;

export const STATUSES = ['new', 'assigned', 'in_progress', 'on_hold', 'reopened', 'resolved', 'closed', 'cancelled'] as const satisfies readonly Status[];
export const CATEGORIES = ['plumbing', 'electrical', 'elevator', 'cleaning', 'security', 'noise', 'landscaping', 'common_facilities', 'other'] as const satisfies readonly Category[];
export const PRIORITIES = ['low', 'normal', 'high', 'emergency'] as const satisfies readonly Priority[];
export const SLA_STATES = ['ok', 'at_risk', 'breached'] as const;
export const SORTS = [
  { value: 'sla_due', label: 'SLA due first' },
  { value: '-created', label: 'Newest' },
  { value: 'created', label: 'Oldest' },
  { value: '-updated', label: 'Recently updated' },
  { value: '-priority', label: 'Priority' },
] as const;

export const PRIORITY_COLOR: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', emergency: 'red' };
export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace(/_/g, ' ') }));
