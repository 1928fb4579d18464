import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, MIN, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

const POLICY = slaPolicyFor('plumbing', 'normal'); // 240 / 1440 business minutes
const created = at('2025-06-02T10:00');

describe('first response', () => {
  it('a staff comment at 11:30 meets it; escalations move on to resolution', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: [], firstResponseAt: at('2025-06-02T11:30') }, POLICY, CAL);
    expect(due.firstResponse.state).toBe('met');
    expect(iso(due.firstResponseMetAt)).toBe('2025-06-02T11:30:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-02T14:00:00.000+08:00');
    expect(due.firstResponse.consumedMs).toBe(90 * MIN);
    expect(due.nextTarget).toBe('resolution');
    // 480 Monday + 540 Tuesday; Wednesday 09:00 + 420 (due) or + 132 (80 %).
    expect(iso(due.breachAt)).toBe('2025-06-04T16:00:00.000+08:00');
    expect(iso(due.warnAt)).toBe('2025-06-04T11:12:00.000+08:00');
  });

  it('a response the next morning is late and the ticket counts as breached', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: [], firstResponseAt: at('2025-06-03T10:00') }, POLICY, CAL);
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-02T14:00:00.000+08:00');
    expect(due.firstResponse.consumedMs).toBe(540 * MIN);
    expect(slaState(at('2025-06-03T10:01'), due)).toBe('breached');
  });

  it('resolving the ticket counts as the first response', () => {
    const due = computeDueTimes(
      { createdAt: created, statusChanges: changes(SHANGHAI, ['2025-06-02T10:30', 'in_progress'], ['2025-06-02T12:00', 'resolved']) },
      POLICY,
      CAL,
    );
    expect(iso(due.firstResponseMetAt)).toBe('2025-06-02T12:00:00.000+08:00');
    expect(iso(due.resolutionMetAt)).toBe('2025-06-02T12:00:00.000+08:00');
    expect(due.nextTarget).toBeNull();
    expect(due.warnAt).toBeNull();
    expect(slaState(at('2025-06-20T00:00'), due)).toBe('ok');
  });
});
