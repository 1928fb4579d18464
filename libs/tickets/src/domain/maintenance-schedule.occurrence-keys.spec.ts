import { occurrenceKey, planSchedulerId, scheduledInstantOf, validatePlanSchedule } from './maintenance-schedule';

describe('maintenance schedules and occurrences', () => {
  it('a schedule needs exactly one of a cron pattern or an interval', () => {
    expect(validatePlanSchedule({ pattern: '0 9 1 * *' })).toEqual([]);
    expect(validatePlanSchedule({ everyMs: 7 * 86_400_000 })).toEqual([]);
    expect(validatePlanSchedule({})).toEqual(['schedule needs exactly one of pattern or everyMs']);
    expect(validatePlanSchedule({ pattern: '0 9 * * 1', everyMs: 1000 })).toEqual(['schedule needs exactly one of pattern or everyMs']);
  });

  it('refuses malformed patterns and too-short intervals', () => {
    expect(validatePlanSchedule({ pattern: 'every monday' })[0]).toMatch(/not a 5- or 6-field cron pattern/);
    expect(validatePlanSchedule({ pattern: '0 9 * *' })[0]).toMatch(/not a 5- or 6-field/);
    expect(validatePlanSchedule({ everyMs: 10 })[0]).toMatch(/everyMs must be an integer >= 1000/);
    expect(validatePlanSchedule({ everyMs: 1500.5 })[0]).toMatch(/integer/);
  });

  it('the same occurrence always has the same key, whichever worker sees it', () => {
    const job = { id: 'repeat:plan-abc:1780300800000', opts: { prevMillis: 1780300800000 } };
    expect(scheduledInstantOf(job)).toBe(1780300800000);
    expect(scheduledInstantOf({ id: job.id })).toBe(1780300800000);
    expect(scheduledInstantOf({ id: 'manual-1' })).toBeNull();
    expect(occurrenceKey(1780300800000)).toBe('2026-06-01T08:00:00.000Z');
    expect(occurrenceKey(1780300800000.7)).toBe(occurrenceKey(1780300800000));
  });

  it('scheduler ids are stable and free of ":"', () => {
    expect(planSchedulerId('0f8e7a6b-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('plan-0f8e7a6b-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(planSchedulerId('a:b')).not.toContain(':');
  });
});
