import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, MIN, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

const POLICY = slaPolicyFor('plumbing', 'normal'); // 240 / 1440 business minutes
const created = at('2025-06-06T10:00'); // Friday
const untilHold = changes(SHANGHAI, ['2025-06-06T10:05', 'assigned'], ['2025-06-06T11:00', 'in_progress'], ['2025-06-06T15:00', 'on_hold']);

describe('on hold from Friday afternoon to Monday morning', () => {
  it('while on hold the resolution due time is unknown and the remaining time is kept', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: untilHold, firstResponseAt: at('2025-06-06T11:00') }, POLICY, CAL);
    expect(due.paused).toBe(true);
    expect(due.resolution.state).toBe('paused');
    expect(due.resolutionDueAt).toBeNull();
    expect(due.resolutionWarnAt).toBeNull();
    // Friday 10:00–15:00 used 300 of 1440 minutes.
    expect(due.resolution.consumedMs).toBe(300 * MIN);
    expect(due.resolution.remainingMs).toBe(1140 * MIN);
    expect(due.nextTarget).toBe('resolution');
    expect(due.breachAt).toBeNull();
    expect(slaState(at('2025-06-07T10:00'), due)).toBe('ok');
  });

  it('resuming on Monday 10:00 shifts the due time by the paused business time', () => {
    const timeline = { createdAt: created, statusChanges: [...untilHold, ...changes(SHANGHAI, ['2025-06-09T10:00', 'in_progress'])], firstResponseAt: at('2025-06-06T11:00') };
    const due = computeDueTimes(timeline, POLICY, CAL);
    expect(due.paused).toBe(false);
    // 1140 left from Monday 10:00: Monday 480, Tuesday 540, Wednesday 09:00 + 120.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-11T11:00:00.000+08:00');
    // 852 left to 80 %: Monday 480, Tuesday 09:00 + 372.
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-10T15:12:00.000+08:00');
  });

  it('without the hold the same ticket would have been due Tuesday 13:00', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: untilHold.slice(0, 2), firstResponseAt: at('2025-06-06T11:00') }, POLICY, CAL);
    expect(iso(due.resolutionDueAt)).toBe('2025-06-10T13:00:00.000+08:00');
  });

  it('the first response met before the hold stays met', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: untilHold, firstResponseAt: at('2025-06-06T11:00') }, POLICY, CAL);
    expect(due.firstResponse.state).toBe('met');
    expect(iso(due.firstResponseMetAt)).toBe('2025-06-06T11:00:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-06T14:00:00.000+08:00');
    expect(due.firstResponse.consumedMs).toBe(60 * MIN);
  });
});
