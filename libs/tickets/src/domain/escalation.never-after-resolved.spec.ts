import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, changes, SHANGHAI } from './domain-test-helpers';
import { dueEscalations, plannedEscalations } from './escalation';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

const POLICY = slaPolicyFor('plumbing', 'normal');
const late = at('2025-07-01T00:00');

describe('no escalation once the work is done', () => {
  it('resolved: nothing fires, even long past the due times', () => {
    const sla = computeDueTimes(
      { createdAt: at('2025-06-02T16:00'), statusChanges: changes(SHANGHAI, ['2025-06-03T09:00', 'in_progress'], ['2025-06-06T09:00', 'resolved']) },
      POLICY,
      CAL,
    );
    expect(dueEscalations({ ...sla, status: 'resolved' }, late, [])).toEqual([]);
    expect(dueEscalations({ ...sla, status: 'closed' }, late, [])).toEqual([]);
  });

  it('cancelled: nothing fires', () => {
    const sla = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T16:30', 'cancelled']) }, POLICY, CAL);
    expect(plannedEscalations({ ...sla, status: 'cancelled' })).toEqual([]);
  });

  it('a stale row still saying in_progress but with stopped clocks fires nothing', () => {
    const sla = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: changes(SHANGHAI, ['2025-06-02T16:30', 'cancelled']) }, POLICY, CAL);
    expect(dueEscalations({ ...sla, status: 'in_progress' }, late, [])).toEqual([]);
  });

  it('first response met: only resolution steps remain', () => {
    const sla = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: [], firstResponseAt: at('2025-06-02T16:10') }, POLICY, CAL);
    expect(dueEscalations({ ...sla, status: 'in_progress' }, late, []).map((s) => s.key)).toEqual(['resolution.warn', 'resolution.breach']);
  });
});
