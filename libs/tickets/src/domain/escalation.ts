// SLA escalation: which steps are due for a ticket, each firing once, and the stable BullMQ job ids
// that schedule them. Levels per target (first response, resolution):
//   warn   at 80 %  -> notify the assignee
//   breach at 100 % -> mark the target breached and notify the manager (and the assignee)
// Nothing fires once the ticket is resolved, closed or cancelled, nor for a target already met.
import { SlaSnapshot, SlaTargetKind } from './sla-clock';
import { DONE_STATUSES, TicketStatus } from './ticket-status';

export type EscalationLevel = 'warn' | 'breach';
export type EscalationAction = 'notify_assignee' | 'notify_manager' | 'mark_breached';

export const ESCALATION_ACTIONS: Readonly<Record<EscalationLevel, readonly EscalationAction[]>> = {
  warn: ['notify_assignee'],
  breach: ['mark_breached', 'notify_manager', 'notify_assignee'],
};

export interface EscalationStep {
  target: SlaTargetKind;
  level: EscalationLevel;
  at: Date;
  /** 'first_response.warn' etc.; record it once the step is handled so it never fires again. */
  key: string;
  actions: readonly EscalationAction[];
  /**
   * The breach of the same target is due (or done) too, so the warning is moot: record it as fired
   * without notifying anyone.
   */
  superseded: boolean;
}

export interface EscalationTicket extends SlaSnapshot {
  status: TicketStatus;
}

export function escalationKey(target: SlaTargetKind, level: EscalationLevel): string {
  return `${target}.${level}`;
}

const TARGETS: readonly SlaTargetKind[] = ['first_response', 'resolution'];
const LEVELS: readonly EscalationLevel[] = ['warn', 'breach'];

function times(t: EscalationTicket, target: SlaTargetKind): { warn: Date | null; breach: Date | null; met: boolean } {
  return target === 'first_response'
    ? { warn: t.firstResponseWarnAt, breach: t.firstResponseDueAt, met: t.firstResponseMetAt !== null }
    : { warn: t.resolutionWarnAt, breach: t.resolutionDueAt, met: t.resolutionMetAt !== null };
}

/**
 * Every step that can still fire for the ticket as it stands, whether due or not, in time order —
 * what to schedule delayed jobs for. A paused clock contributes only the steps it already reached.
 */
export function plannedEscalations(ticket: EscalationTicket): EscalationStep[] {
  if (DONE_STATUSES.has(ticket.status) || ticket.stoppedAt) return [];
  const steps: EscalationStep[] = [];
  for (const target of TARGETS) {
    const t = times(ticket, target);
    if (t.met) continue;
    for (const level of LEVELS) {
      const at = level === 'warn' ? t.warn : t.breach;
      if (!at) continue;
      steps.push({ target, level, at, key: escalationKey(target, level), actions: ESCALATION_ACTIONS[level], superseded: false });
    }
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime() || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

/**
 * The steps due at `now` that have not fired yet. Idempotent: feed back the keys of what was
 * handled and they never come again. When a breach is due, its target's unfired warning comes back
 * marked superseded (record it, skip the notice).
 */
export function dueEscalations(ticket: EscalationTicket, now: Date, alreadyFired: Iterable<string>): EscalationStep[] {
  const fired = new Set(alreadyFired);
  const due = plannedEscalations(ticket).filter((s) => s.at.getTime() <= now.getTime() && !fired.has(s.key));
  return due.map((s) => {
    if (s.level !== 'warn') return s;
    const breachKey = escalationKey(s.target, 'breach');
    const breachDue = fired.has(breachKey) || due.some((d) => d.key === breachKey);
    return breachDue ? { ...s, superseded: true } : s;
  });
}

/** BullMQ treats ':' specially in ids; keep only safe characters. */
function idPart(value: string | number): string {
  return String(value).replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * Stable job id of one escalation step: the same ticket, step and due instant always give the same id
 * (so re-adding is a no-op), and a recomputed due time gives a new one (the stale job finds the step
 * no longer due and does nothing). No ':' — BullMQ reserves it.
 */
export function slaJobId(ticketId: string, kind: SlaTargetKind, level: EscalationLevel, dueAtEpoch: number): string {
  if (!Number.isFinite(dueAtEpoch)) throw new RangeError(`dueAtEpoch must be a number of ms, got ${dueAtEpoch}`);
  return ['sla', idPart(ticketId), kind, level, Math.trunc(dueAtEpoch)].join('-');
}

/** The job id of a planned step. */
export function slaJobIdFor(ticketId: string, step: Pick<EscalationStep, 'target' | 'level' | 'at'>): string {
  return slaJobId(ticketId, step.target, step.level, step.at.getTime());
}

/** One stable id for the periodic sweep that catches missed timers (a repeatable job per site). */
export function slaSweepJobId(siteId: string): string {
  return `sla-sweep-${idPart(siteId)}`;
}
