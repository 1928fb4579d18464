// What a ticket row stores about its SLA besides the snapshot: the earliest pending warn and due
// instants (console filter "at risk / breached" and sort by due), a sticky breached flag, and the
// next escalation the sweep must look at. Recomputed on every change from the whole timeline.
import { BusinessCalendar } from './business-calendar';
import { TicketCategory, TicketPriority } from './categories';
import { EscalationTicket, plannedEscalations } from './escalation';
import { computeDueTimes, SlaDueTimes, SlaSnapshot, SlaState, slaState, SlaStatusChange, SlaTargetClock, toSlaSnapshot } from './sla-clock';
import { SlaPolicyTable, slaPolicyFor } from './sla-policy';
import { TicketStatus } from './ticket-status';

export interface TicketSlaColumns extends SlaSnapshot {
  /** Earliest 80 % instant of a target still pending (running or paused after reaching it). */
  slaWarnAt: Date | null;
  /** Earliest 100 % instant of a target still pending. */
  slaDueAt: Date | null;
  /** Sticky: once a target was missed (breach fired, or met/stopped late) the ticket stays breached. */
  slaBreached: boolean;
  /** The earliest escalation step not fired yet (what the sweep and delayed jobs wait for). */
  slaNextEscalationAt: Date | null;
}

export interface SlaTicketInput {
  status: TicketStatus;
  category: TicketCategory;
  priority: TicketPriority;
  createdAt: Date;
  statusTimeline: readonly SlaStatusChange[];
  firstResponseAt: Date | null;
  slaBreached: boolean;
  escalationsFired: readonly string[];
}

function pendingTimes(c: SlaTargetClock): { warn: Date | null; due: Date | null } {
  return c.state === 'running' || c.state === 'paused' ? { warn: c.warnAt, due: c.dueAt } : { warn: null, due: null };
}

function earliest(...dates: Array<Date | null>): Date | null {
  const ms = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return ms.length ? new Date(Math.min(...ms)) : null;
}

/** The stored columns from freshly computed due times. */
export function slaColumnsFrom(due: SlaDueTimes, status: TicketStatus, now: Date, previouslyBreached: boolean, fired: readonly string[]): TicketSlaColumns {
  const snapshot = toSlaSnapshot(due);
  const fr = pendingTimes(due.firstResponse);
  const res = pendingTimes(due.resolution);
  const esc: EscalationTicket = { ...snapshot, status };
  const firedSet = new Set(fired);
  const next = plannedEscalations(esc).find((s) => !firedSet.has(s.key)) ?? null;
  return {
    ...snapshot,
    slaWarnAt: earliest(fr.warn, res.warn),
    slaDueAt: earliest(fr.due, res.due),
    slaBreached: previouslyBreached || slaState(now, snapshot) === 'breached',
    slaNextEscalationAt: next?.at ?? null,
  };
}

/** Policy + calendar + timeline -> the columns to store. */
export function recomputeSla(t: SlaTicketInput, table: SlaPolicyTable, calendar: BusinessCalendar, now: Date): { due: SlaDueTimes; columns: TicketSlaColumns } {
  const due = computeDueTimes({ createdAt: t.createdAt, statusChanges: t.statusTimeline, firstResponseAt: t.firstResponseAt }, slaPolicyFor(t.category, t.priority, table), calendar);
  return { due, columns: slaColumnsFrom(due, t.status, now, t.slaBreached, t.escalationsFired) };
}

/**
 * The console's SLA state from the stored columns (the same rule the list filter runs in SQL):
 * breached once flagged or a pending target is past due, at risk past a pending 80 %, else ok.
 */
export function storedSlaState(cols: Pick<TicketSlaColumns, 'slaWarnAt' | 'slaDueAt' | 'slaBreached'>, now: Date): SlaState {
  const t = now.getTime();
  if (cols.slaBreached || (cols.slaDueAt && cols.slaDueAt.getTime() <= t)) return 'breached';
  if (cols.slaWarnAt && cols.slaWarnAt.getTime() <= t) return 'at_risk';
  return 'ok';
}
