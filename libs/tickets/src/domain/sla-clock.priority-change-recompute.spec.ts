import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { computeDueTimes, slaState } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('reclassifying recomputes the due times from creation', () => {
  const timeline = { createdAt: at('2025-06-02T10:00'), statusChanges: [] };

  it('normal -> high -> emergency tightens the same ticket', () => {
    expect(iso(computeDueTimes(timeline, slaPolicyFor('plumbing', 'normal'), CAL).resolutionDueAt)).toBe('2025-06-04T16:00:00.000+08:00');
    expect(iso(computeDueTimes(timeline, slaPolicyFor('plumbing', 'high'), CAL).resolutionDueAt)).toBe('2025-06-02T18:00:00.000+08:00');
    expect(iso(computeDueTimes(timeline, slaPolicyFor('plumbing', 'emergency'), CAL).resolutionDueAt)).toBe('2025-06-02T14:00:00.000+08:00');
  });

  it('upgraded to emergency at 15:00, the ticket is immediately breached', () => {
    const due = computeDueTimes(timeline, slaPolicyFor('plumbing', 'emergency'), CAL);
    expect(slaState(at('2025-06-02T15:00'), due)).toBe('breached');
  });

  it('status changes listed out of order are read in time order', () => {
    const ordered = computeDueTimes(
      { createdAt: at('2025-06-02T10:00'), statusChanges: [{ at: at('2025-06-02T11:00'), to: 'on_hold' }, { at: at('2025-06-02T12:00'), to: 'in_progress' }] },
      slaPolicyFor('plumbing', 'high'),
      CAL,
    );
    const shuffled = computeDueTimes(
      { createdAt: at('2025-06-02T10:00'), statusChanges: [{ at: at('2025-06-02T12:00'), to: 'in_progress' }, { at: at('2025-06-02T11:00'), to: 'on_hold' }] },
      slaPolicyFor('plumbing', 'high'),
      CAL,
    );
    expect(iso(ordered.resolutionDueAt)).toBe('2025-06-03T10:00:00.000+08:00');
    expect(shuffled.resolutionDueAt).toEqual(ordered.resolutionDueAt);
  });
});
