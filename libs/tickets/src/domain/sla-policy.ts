// SLA targets per category × priority. Emergencies always run on a 24/7 clock; security and noise
// too (guards work around the clock and a party at 23:00 cannot wait for Monday).
import { TICKET_CATEGORIES, TicketCategory, TicketPriority, TICKET_PRIORITIES } from './categories';

export type SlaHours = '24x7' | 'business';

export interface SlaTarget {
  /** Minutes of clock time until a first response is due. */
  firstResponseMinutes: number;
  /** Minutes of clock time until resolution is due. */
  resolutionMinutes: number;
  /** Which clock counts: every minute, or only the site's business hours. */
  hours: SlaHours;
}

export type SlaPolicyTable = Readonly<Record<TicketCategory, Readonly<Record<TicketPriority, SlaTarget>>>>;

const H = 60;
// Business-hours targets count only opening time: with the default calendar (9 h weekdays), a
// 24-business-hour resolution is roughly 2.7 working days.
const STANDARD: Readonly<Record<TicketPriority, SlaTarget>> = {
  emergency: { firstResponseMinutes: 15, resolutionMinutes: 4 * H, hours: '24x7' },
  high: { firstResponseMinutes: 1 * H, resolutionMinutes: 8 * H, hours: 'business' },
  normal: { firstResponseMinutes: 4 * H, resolutionMinutes: 24 * H, hours: 'business' },
  low: { firstResponseMinutes: 8 * H, resolutionMinutes: 72 * H, hours: 'business' },
};

const ROUND_THE_CLOCK: Readonly<Record<TicketPriority, SlaTarget>> = {
  emergency: { firstResponseMinutes: 10, resolutionMinutes: 2 * H, hours: '24x7' },
  high: { firstResponseMinutes: 30, resolutionMinutes: 4 * H, hours: '24x7' },
  normal: { firstResponseMinutes: 1 * H, resolutionMinutes: 12 * H, hours: '24x7' },
  low: { firstResponseMinutes: 4 * H, resolutionMinutes: 48 * H, hours: '24x7' },
};

export const DEFAULT_SLA_POLICY_TABLE: SlaPolicyTable = {
  plumbing: STANDARD,
  electrical: STANDARD,
  // Chinese elevator rules expect rescuers on site within 30 min of an entrapment call; 10 min to
  // respond and 60 min to free people is what the maintenance contract should promise.
  elevator: { ...STANDARD, emergency: { firstResponseMinutes: 10, resolutionMinutes: 1 * H, hours: '24x7' } },
  cleaning: STANDARD,
  security: ROUND_THE_CLOCK,
  noise: ROUND_THE_CLOCK,
  landscaping: STANDARD,
  common_facilities: STANDARD,
  other: STANDARD,
};

/** The target for a ticket; an emergency is always on the 24/7 clock whatever the table says. */
export function slaPolicyFor(category: TicketCategory, priority: TicketPriority, table: SlaPolicyTable = DEFAULT_SLA_POLICY_TABLE): SlaTarget {
  const target = table[category][priority];
  return priority === 'emergency' && target.hours !== '24x7' ? { ...target, hours: '24x7' } : target;
}

/** Everything wrong with a policy table (empty when usable). */
export function validateSlaPolicyTable(table: SlaPolicyTable): string[] {
  const errors: string[] = [];
  for (const category of TICKET_CATEGORIES) {
    const row = table[category];
    if (!row) {
      errors.push(`${category}: missing`);
      continue;
    }
    for (const priority of TICKET_PRIORITIES) {
      const t = row[priority];
      const where = `${category}.${priority}`;
      if (!t) {
        errors.push(`${where}: missing`);
        continue;
      }
      if (!(t.firstResponseMinutes > 0) || !Number.isFinite(t.firstResponseMinutes)) errors.push(`${where}.firstResponseMinutes must be > 0`);
      if (!(t.resolutionMinutes > 0) || !Number.isFinite(t.resolutionMinutes)) errors.push(`${where}.resolutionMinutes must be > 0`);
      if (t.resolutionMinutes < t.firstResponseMinutes) errors.push(`${where}: resolution target is shorter than first response`);
      if (t.hours !== '24x7' && t.hours !== 'business') errors.push(`${where}.hours must be '24x7' or 'business'`);
      if (priority === 'emergency' && t.hours !== '24x7') errors.push(`${where}: emergencies must run 24x7`);
    }
  }
  return errors;
}
