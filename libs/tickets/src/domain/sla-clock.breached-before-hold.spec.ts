import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('putting an already breached ticket on hold', () => {
  const due = computeDueTimes(
    {
      createdAt: at('2025-06-02T09:00'),
      statusChanges: changes(SHANGHAI, ['2025-06-02T09:30', 'in_progress'], ['2025-06-02T17:30', 'on_hold']),
      firstResponseAt: at('2025-06-02T09:30'),
    },
    slaPolicyFor('plumbing', 'high'), // 60 / 480 business minutes
    CAL,
  );

  it('keeps the due time it already passed', () => {
    expect(due.paused).toBe(true);
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-02T15:24:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-02T17:00:00.000+08:00');
    expect(due.resolution.remainingMs).toBe(0);
  });

  it('stays breached while on hold', () => {
    expect(slaState(at('2025-06-03T10:00'), due)).toBe('breached');
  });
});
