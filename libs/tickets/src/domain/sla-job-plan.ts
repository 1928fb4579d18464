// The delayed BullMQ jobs a ticket should have right now: one per escalation step not fired yet
// (stable ids from the step's due instant), plus the auto-close of a resolved ticket. When the due
// times change the ids change; the caller removes the jobs no longer planned.
import { autoCloseJobId } from './rating';
import { EscalationTicket, plannedEscalations, slaJobIdFor } from './escalation';

export interface PlannedSlaJob {
  jobId: string;
  name: 'escalate' | 'auto-close';
  at: Date;
}

export interface SlaJobTicket extends EscalationTicket {
  id: string;
  escalationsFired: readonly string[];
  resolvedAt: Date | null;
  autoCloseAt: Date | null;
}

export function slaJobPlan(t: SlaJobTicket): PlannedSlaJob[] {
  const fired = new Set(t.escalationsFired);
  const jobs: PlannedSlaJob[] = plannedEscalations(t)
    .filter((s) => !fired.has(s.key))
    .map((s) => ({ jobId: slaJobIdFor(t.id, s), name: 'escalate' as const, at: s.at }));
  if (t.status === 'resolved' && t.resolvedAt && t.autoCloseAt) {
    jobs.push({ jobId: autoCloseJobId(t.id, t.resolvedAt.getTime()), name: 'auto-close', at: t.autoCloseAt });
  }
  return jobs;
}
