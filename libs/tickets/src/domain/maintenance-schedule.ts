// Preventive maintenance plans: a schedule (cron pattern in the site's zone, or a fixed interval)
// that creates one ticket per occurrence. An occurrence is named by its scheduled instant, so the
// same occurrence seen twice (two workers, a retried job) maps to the same key.

export interface PlanSchedule {
  /** Cron pattern (5 or 6 fields), evaluated in `timeZone`. */
  pattern?: string;
  /** Or a fixed interval in milliseconds. */
  everyMs?: number;
  timeZone?: string;
}

/** Intervals shorter than this are refused (only tests want seconds; production wants days). */
export const MIN_PLAN_INTERVAL_MS = 1000;
const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

/** Everything wrong with a schedule (empty when usable). */
export function validatePlanSchedule(s: PlanSchedule): string[] {
  const errors: string[] = [];
  const hasPattern = typeof s.pattern === 'string' && s.pattern.trim() !== '';
  const hasEvery = s.everyMs !== undefined && s.everyMs !== null;
  if (hasPattern === hasEvery) errors.push('schedule needs exactly one of pattern or everyMs');
  if (hasPattern) {
    const fields = s.pattern!.trim().split(/\s+/);
    if (fields.length < 5 || fields.length > 6 || !fields.every((f) => CRON_FIELD.test(f))) errors.push(`pattern '${s.pattern}' is not a 5- or 6-field cron pattern`);
  }
  if (hasEvery && (!Number.isInteger(s.everyMs) || (s.everyMs as number) < MIN_PLAN_INTERVAL_MS)) errors.push(`everyMs must be an integer >= ${MIN_PLAN_INTERVAL_MS}`);
  return errors;
}

/** The key of one occurrence: its scheduled instant, as an ISO string (no ':' issues: it is a DB key). */
export function occurrenceKey(scheduledAtMs: number): string {
  if (!Number.isFinite(scheduledAtMs)) throw new RangeError(`scheduled instant must be a number of ms, got ${scheduledAtMs}`);
  return new Date(Math.trunc(scheduledAtMs)).toISOString();
}

/**
 * The scheduled instant of a job produced by a BullMQ job scheduler: `opts.prevMillis` when set,
 * else the millis at the end of its id (`repeat:<schedulerId>:<millis>`), else null.
 */
export function scheduledInstantOf(job: { id?: string | null; opts?: { prevMillis?: number } }): number | null {
  if (typeof job.opts?.prevMillis === 'number' && Number.isFinite(job.opts.prevMillis) && job.opts.prevMillis > 0) return job.opts.prevMillis;
  const m = /:(\d+)$/.exec(job.id ?? '');
  return m ? Number(m[1]) : null;
}

/** Stable id of a plan's job scheduler (no ':'). */
export function planSchedulerId(planId: string): string {
  return `plan-${planId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}
