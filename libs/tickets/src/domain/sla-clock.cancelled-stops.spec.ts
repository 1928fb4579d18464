import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('cancelling stops the clocks for good', () => {
  it('a ticket cancelled after an hour never breaches', () => {
    const due = computeDueTimes(
      { createdAt: at('2025-06-02T10:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T11:00', 'cancelled']) },
      slaPolicyFor('plumbing', 'normal'),
      CAL,
    );
    expect(due.firstResponse.state).toBe('stopped');
    expect(due.resolution.state).toBe('stopped');
    expect(iso(due.stoppedAt)).toBe('2025-06-02T11:00:00.000+08:00');
    expect(due.nextTarget).toBeNull();
    expect(slaState(at('2025-07-01T00:00'), due)).toBe('ok');
  });

  it('a ticket cancelled after its first-response deadline stays breached', () => {
    const due = computeDueTimes(
      { createdAt: at('2025-06-02T09:00'), statusChanges: changes(SHANGHAI, ['2025-06-03T10:00', 'cancelled']) },
      slaPolicyFor('plumbing', 'high'),
      CAL,
    );
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-02T10:00:00.000+08:00');
    expect(slaState(at('2025-07-01T00:00'), due)).toBe('breached');
  });
});
