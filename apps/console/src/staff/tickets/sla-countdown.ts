// The SLA badge of a ticket: how long until its current SLA target, amber from the warning time,
// red once due or breached. Pure, so the queue can re-render it every few seconds.
export type SlaTone = 'green' | 'amber' | 'red' | 'gray';

export interface SlaInput {
  warnAt: string | null;
  dueAt: string | null;
  breached: boolean;
  paused: boolean;
}

export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m`;
}

export function slaCountdown(sla: SlaInput, now: number): { tone: SlaTone; text: string } {
  if (sla.paused) return { tone: 'gray', text: 'SLA paused' };
  if (!sla.dueAt) return sla.breached ? { tone: 'red', text: 'SLA breached' } : { tone: 'gray', text: 'no SLA' };
  const left = Date.parse(sla.dueAt) - now;
  if (sla.breached || left <= 0) return { tone: 'red', text: `overdue ${formatDuration(left)}` };
  const warned = sla.warnAt !== null && Date.parse(sla.warnAt) <= now;
  return { tone: warned ? 'amber' : 'green', text: `${formatDuration(left)} left` };
}
