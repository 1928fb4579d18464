import { DEFAULT_BUSINESS_CALENDAR } from './business-calendar';
import { recomputeSla, SlaTicketInput, storedSlaState } from './sla-columns';
import { DEFAULT_SLA_POLICY_TABLE } from './sla-policy';
import { MIN } from './domain-test-helpers';

const created = new Date('2026-06-01T00:00:00Z');
const base: SlaTicketInput = {
  status: 'new',
  category: 'security', // 24x7: normal = 60 min first response, 12 h resolution
  priority: 'normal',
  createdAt: created,
  statusTimeline: [],
  firstResponseAt: null,
  slaBreached: false,
  escalationsFired: [],
};
const at = (minutes: number) => new Date(created.getTime() + minutes * MIN);
const run = (t: Partial<SlaTicketInput>, nowMin: number) => recomputeSla({ ...base, ...t }, DEFAULT_SLA_POLICY_TABLE, DEFAULT_BUSINESS_CALENDAR, at(nowMin)).columns;

describe('recomputeSla: what a ticket row stores', () => {
  it('a new ticket: earliest pending warn/due come from the first response, next escalation is its warning', () => {
    const c = run({}, 0);
    expect(c.slaWarnAt).toEqual(at(48));
    expect(c.slaDueAt).toEqual(at(60));
    expect(c.slaNextEscalationAt).toEqual(at(48));
    expect(c.slaBreached).toBe(false);
    expect(storedSlaState(c, at(10))).toBe('ok');
    expect(storedSlaState(c, at(50))).toBe('at_risk');
    expect(storedSlaState(c, at(60))).toBe('breached');
  });

  it('after the first response only the resolution target is pending', () => {
    const c = run({ status: 'in_progress', statusTimeline: [{ at: at(5), to: 'in_progress' }], firstResponseAt: at(5) }, 6);
    expect(c.firstResponseMetAt).toEqual(at(5));
    expect(c.slaWarnAt).toEqual(at(0.8 * 720));
    expect(c.slaDueAt).toEqual(at(720));
  });

  it('skips fired steps when naming the next escalation', () => {
    const c = run({ escalationsFired: ['first_response.warn'] }, 49);
    expect(c.slaNextEscalationAt).toEqual(at(60));
  });

  it('resolved late: nothing pending, but breached sticks', () => {
    const c = run({ status: 'resolved', statusTimeline: [{ at: at(30), to: 'in_progress' }, { at: at(800), to: 'resolved' }], firstResponseAt: at(30) }, 801);
    expect(c.slaWarnAt).toBeNull();
    expect(c.slaDueAt).toBeNull();
    expect(c.slaNextEscalationAt).toBeNull();
    expect(c.slaBreached).toBe(true);
    expect(storedSlaState(c, at(900))).toBe('breached');
  });

  it('a breach recorded earlier stays even after a lower priority moves the due time out', () => {
    const c = run({ priority: 'low', slaBreached: true }, 61);
    expect(c.slaDueAt).toEqual(at(240));
    expect(c.slaBreached).toBe(true);
  });

  it('on hold before reaching 80 %: due times unknown, nothing to escalate', () => {
    const c = run({ status: 'on_hold', statusTimeline: [{ at: at(10), to: 'on_hold' }] }, 100);
    expect(c.paused).toBe(true);
    expect(c.slaWarnAt).toBeNull();
    expect(c.slaDueAt).toBeNull();
    expect(c.slaNextEscalationAt).toBeNull();
    expect(storedSlaState(c, at(100))).toBe('ok');
  });
});
