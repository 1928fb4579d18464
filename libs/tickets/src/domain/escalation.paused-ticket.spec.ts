import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, iso, SHANGHAI } from './domain-test-helpers';
import { dueEscalations, plannedEscalations } from './escalation';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('escalations of a ticket on hold', () => {
  it('on hold before 80 %: nothing is planned until work resumes', () => {
    const sla = computeDueTimes(
      { createdAt: at('2025-06-02T09:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T09:30', 'in_progress'], ['2025-06-02T10:00', 'on_hold']), firstResponseAt: at('2025-06-02T09:30') },
      slaPolicyFor('plumbing', 'high'),
      CAL,
    );
    expect(plannedEscalations({ ...sla, status: 'on_hold' })).toEqual([]);
    expect(dueEscalations({ ...sla, status: 'on_hold' }, at('2025-06-30T00:00'), [])).toEqual([]);
  });

  it('on hold after the deadline passed: the missed breach still fires once', () => {
    const sla = computeDueTimes(
      { createdAt: at('2025-06-02T09:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T09:30', 'in_progress'], ['2025-06-02T17:30', 'on_hold']), firstResponseAt: at('2025-06-02T09:30') },
      slaPolicyFor('plumbing', 'high'),
      CAL,
    );
    const due = dueEscalations({ ...sla, status: 'on_hold' }, at('2025-06-02T18:00'), ['resolution.warn']);
    expect(due.map((s) => [s.key, iso(s.at)])).toEqual([['resolution.breach', '2025-06-02T17:00:00.000+08:00']]);
  });
});
