// A site may override some cells of the SLA table (e.g. faster plumbing, or seconds-long targets
// in a test site); the rest comes from the default table. The merged table must still be valid.
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TicketCategory, TicketPriority } from './categories';
import { DEFAULT_SLA_POLICY_TABLE, SlaPolicyTable, SlaTarget, validateSlaPolicyTable } from './sla-policy';

export type SlaPolicyOverrides = Partial<Record<TicketCategory, Partial<Record<TicketPriority, SlaTarget>>>>;

export type MergedSlaPolicy = { ok: true; table: SlaPolicyTable } | { ok: false; errors: string[] };

/** Overrides over the default table; unknown categories or priorities are errors, not ignored. */
export function mergeSlaPolicy(overrides: SlaPolicyOverrides | null | undefined, base: SlaPolicyTable = DEFAULT_SLA_POLICY_TABLE): MergedSlaPolicy {
  if (!overrides) return { ok: true, table: base };
  const errors: string[] = [];
  const table = {} as Record<TicketCategory, Record<TicketPriority, SlaTarget>>;
  for (const c of TICKET_CATEGORIES) table[c] = { ...base[c] };
  for (const [category, row] of Object.entries(overrides)) {
    if (!(TICKET_CATEGORIES as readonly string[]).includes(category)) {
      errors.push(`${category}: not a ticket category`);
      continue;
    }
    for (const [priority, target] of Object.entries(row ?? {})) {
      if (!(TICKET_PRIORITIES as readonly string[]).includes(priority)) {
        errors.push(`${category}.${priority}: not a priority`);
        continue;
      }
      table[category as TicketCategory][priority as TicketPriority] = target as SlaTarget;
    }
  }
  errors.push(...validateSlaPolicyTable(table));
  return errors.length ? { ok: false, errors } : { ok: true, table };
}
