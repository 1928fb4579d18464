import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at } from './domain-test-helpers';
import { dueEscalations } from './escalation';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

const sla = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);

describe('the sweep after missed timers (worker down for days)', () => {
  it('returns every unfired step; warnings whose breach is due are superseded', () => {
    const due = dueEscalations({ ...sla, status: 'assigned' }, at('2025-06-05T14:00'), []);
    expect(due.map((s) => [s.key, s.superseded])).toEqual([
      ['first_response.warn', true],
      ['first_response.breach', false],
      ['resolution.warn', true],
      ['resolution.breach', false],
    ]);
  });

  it('a warning whose breach already fired is superseded too', () => {
    const due = dueEscalations({ ...sla, status: 'assigned' }, at('2025-06-03T12:00'), ['first_response.breach']);
    expect(due.map((s) => [s.key, s.superseded])).toEqual([['first_response.warn', true]]);
  });

  it('a warning alone (breach not yet due) is not superseded', () => {
    const due = dueEscalations({ ...sla, status: 'assigned' }, at('2025-06-04T18:00'), ['first_response.warn', 'first_response.breach']);
    expect(due.map((s) => [s.key, s.superseded])).toEqual([['resolution.warn', false]]);
  });
});
