import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { dueEscalations, EscalationTicket, plannedEscalations } from './escalation';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

// plumbing/normal filed Monday 16:00: first response warn Tue 10:12, due Tue 11:00;
// resolution warn Wed 17:12, due Thu 13:00.
const sla = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
const ticket: EscalationTicket = { ...sla, status: 'new' };

describe('escalations fire once each, in order', () => {
  it('plans four steps', () => {
    expect(plannedEscalations(ticket).map((s) => [s.key, iso(s.at), s.actions])).toEqual([
      ['first_response.warn', '2025-06-03T10:12:00.000+08:00', ['notify_assignee']],
      ['first_response.breach', '2025-06-03T11:00:00.000+08:00', ['mark_breached', 'notify_manager', 'notify_assignee']],
      ['resolution.warn', '2025-06-04T17:12:00.000+08:00', ['notify_assignee']],
      ['resolution.breach', '2025-06-05T13:00:00.000+08:00', ['mark_breached', 'notify_manager', 'notify_assignee']],
    ]);
  });

  it('nothing is due before 80 %', () => {
    expect(dueEscalations(ticket, at('2025-06-03T10:11'), [])).toEqual([]);
  });

  it('the warning is due at 80 %, once', () => {
    const due = dueEscalations(ticket, at('2025-06-03T10:30'), []);
    expect(due.map((s) => [s.key, s.superseded])).toEqual([['first_response.warn', false]]);
    expect(dueEscalations(ticket, at('2025-06-03T10:30'), ['first_response.warn'])).toEqual([]);
  });

  it('the breach is due at 100 % and the fired warning does not come back', () => {
    const due = dueEscalations(ticket, at('2025-06-03T11:00'), ['first_response.warn']);
    expect(due.map((s) => s.key)).toEqual(['first_response.breach']);
    expect(dueEscalations(ticket, at('2025-06-03T11:00'), ['first_response.warn', 'first_response.breach'])).toEqual([]);
  });

  it('a later sweep only returns what has not fired', () => {
    const fired = new Set(['first_response.warn', 'first_response.breach', 'resolution.warn']);
    expect(dueEscalations(ticket, at('2025-06-05T13:00'), fired).map((s) => s.key)).toEqual(['resolution.breach']);
  });
});
