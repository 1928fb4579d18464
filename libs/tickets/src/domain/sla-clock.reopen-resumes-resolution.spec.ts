import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, MIN, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

const POLICY = slaPolicyFor('plumbing', 'normal'); // 1440 business minutes to resolve
const created = at('2025-06-02T09:00');
const firstResponseAt = at('2025-06-02T09:30');
const resolvedMonday = changes(SHANGHAI, ['2025-06-02T09:30', 'in_progress'], ['2025-06-02T15:00', 'resolved']);

describe('reopening a resolved ticket', () => {
  it('resolved on Monday 15:00: resolution met after 360 business minutes', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: resolvedMonday, firstResponseAt }, POLICY, CAL);
    expect(due.resolution.state).toBe('met');
    expect(iso(due.resolutionMetAt)).toBe('2025-06-02T15:00:00.000+08:00');
    expect(due.resolution.consumedMs).toBe(360 * MIN);
    // The due time it had: Monday 540, Tuesday 540, Wednesday 09:00 + 360.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-04T15:00:00.000+08:00');
  });

  it('reopened on Wednesday 10:00: the clock resumes with 1080 minutes left, the resolved days do not count', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: [...resolvedMonday, ...changes(SHANGHAI, ['2025-06-04T10:00', 'reopened'])], firstResponseAt }, POLICY, CAL);
    expect(due.resolution.state).toBe('running');
    expect(due.resolutionMetAt).toBeNull();
    // Wednesday 480, Thursday 540, Friday 09:00 + 60.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-06T10:00:00.000+08:00');
    expect(due.firstResponse.state).toBe('met');
  });

  it('re-resolved on Thursday 12:00: met again, on time', () => {
    const due = computeDueTimes(
      {
        createdAt: created,
        statusChanges: [...resolvedMonday, ...changes(SHANGHAI, ['2025-06-04T10:00', 'reopened'], ['2025-06-04T10:05', 'assigned'], ['2025-06-05T12:00', 'resolved'])],
        firstResponseAt,
      },
      POLICY,
      CAL,
    );
    expect(iso(due.resolutionMetAt)).toBe('2025-06-05T12:00:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-06T10:00:00.000+08:00');
    expect(slaState(at('2025-06-30T00:00'), due)).toBe('ok');
  });

  it('a manager reopening a closed ticket: the resolved and closed time are both excluded', () => {
    const due = computeDueTimes(
      { createdAt: created, statusChanges: [...resolvedMonday, ...changes(SHANGHAI, ['2025-06-03T10:00', 'closed'], ['2025-06-04T10:00', 'reopened'])], firstResponseAt },
      POLICY,
      CAL,
    );
    expect(iso(due.resolutionDueAt)).toBe('2025-06-06T10:00:00.000+08:00');
  });

  it('a closed ticket keeps its resolution as met', () => {
    const due = computeDueTimes({ createdAt: created, statusChanges: [...resolvedMonday, ...changes(SHANGHAI, ['2025-06-05T15:00', 'closed'])], firstResponseAt }, POLICY, CAL);
    expect(due.resolution.state).toBe('met');
    expect(iso(due.resolutionMetAt)).toBe('2025-06-02T15:00:00.000+08:00');
    expect(due.stoppedAt).toBeNull();
  });
});
