import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('pauses that span a night', () => {
  it('24/7: a hold from 22:00 to 08:00 adds exactly ten hours', () => {
    // security/normal: 60 / 720 minutes, 24x7.
    const due = computeDueTimes(
      {
        createdAt: at('2025-06-02T20:00'),
        statusChanges: changes(SHANGHAI, ['2025-06-02T20:20', 'in_progress'], ['2025-06-02T22:00', 'on_hold'], ['2025-06-03T08:00', 'in_progress']),
        firstResponseAt: at('2025-06-02T20:20'),
      },
      slaPolicyFor('security', 'normal'),
      CAL,
    );
    // 120 used before the hold; 600 left from 08:00.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-03T18:00:00.000+08:00');
    // 576 to 80 %: 456 after 08:00.
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-03T15:36:00.000+08:00');
  });

  it('business hours: a hold from 17:00 to 11:00 next day removes only the opening time it covered', () => {
    const policy = slaPolicyFor('plumbing', 'normal');
    const held = computeDueTimes(
      { createdAt: at('2025-06-02T14:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T17:00', 'on_hold'], ['2025-06-03T11:00', 'in_progress']) },
      policy,
      CAL,
    );
    const unheld = computeDueTimes({ createdAt: at('2025-06-02T14:00'), statusChanges: [] }, policy, CAL);
    expect(iso(unheld.resolutionDueAt)).toBe('2025-06-05T11:00:00.000+08:00');
    // Monday 17–18 and Tuesday 09–11: 180 business minutes later.
    expect(iso(held.resolutionDueAt)).toBe('2025-06-05T14:00:00.000+08:00');
  });

  it('business hours: a hold entirely outside opening hours changes nothing', () => {
    const held = computeDueTimes(
      { createdAt: at('2025-06-02T14:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T18:30', 'on_hold'], ['2025-06-03T08:30', 'in_progress']) },
      slaPolicyFor('plumbing', 'normal'),
      CAL,
    );
    expect(iso(held.resolutionDueAt)).toBe('2025-06-05T11:00:00.000+08:00');
  });

  it('several holds add up', () => {
    const due = computeDueTimes(
      {
        createdAt: at('2025-06-02T09:00'),
        statusChanges: changes(
          SHANGHAI,
          ['2025-06-02T10:00', 'on_hold'],
          ['2025-06-02T11:00', 'in_progress'],
          ['2025-06-02T12:00', 'on_hold'],
          ['2025-06-02T14:00', 'in_progress'],
        ),
      },
      slaPolicyFor('plumbing', 'high'), // 480 business minutes
      CAL,
    );
    // 480 minutes from 09:00 plus 3 hours on hold: 17:00 + 3h -> 20:00 is after closing, so Tuesday 11:00.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-03T11:00:00.000+08:00');
  });
});
