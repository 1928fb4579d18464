// Helpers for the scenario specs of this folder (not exported from the domain index).
import { DateTime } from 'luxon';
import { SlaStatusChange } from './sla-clock';
import { TicketStatus } from './ticket-status';

export const SHANGHAI = 'Asia/Shanghai';

/** A wall-clock time in a zone ('2025-06-02T16:00') as an instant. */
export function at(local: string, zone: string = SHANGHAI): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time '${local}'`);
  return dt.toJSDate();
}

/** An instant as the zone's full ISO form, e.g. '2025-06-03T11:00:00.000+08:00' (null stays null). */
export function iso(d: Date | null | undefined, zone: string = SHANGHAI): string | null {
  return d ? (DateTime.fromJSDate(d, { zone }).toISO() as string) : null;
}

/** Status changes from [local time, status] pairs. */
export function changes(zone: string, ...pairs: Array<[string, TicketStatus]>): SlaStatusChange[] {
  return pairs.map(([local, to]) => ({ at: at(local, zone), to }));
}

export const MIN = 60_000;
