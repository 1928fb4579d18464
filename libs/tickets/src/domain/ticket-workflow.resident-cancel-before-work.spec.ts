import { canTransition, TicketActor, WorkflowTicket } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const reporter: TicketActor = { role: 'resident', id: 'res-1', unitIds: ['unit-101'] };
const spouse: TicketActor = { role: 'resident', id: 'res-2', unitIds: ['unit-101'] };
const ticket = (status: WorkflowTicket['status']): WorkflowTicket => ({ status, reporterId: 'res-1', unitId: 'unit-101', assigneeId: status === 'new' ? null : 'staff-7' });

describe('a resident cancelling their ticket', () => {
  it('may cancel a new or assigned ticket with a reason', () => {
    for (const status of ['new', 'assigned'] as const) {
      const r = canTransition(ticket(status), 'cancelled', reporter, { now, reason: 'Fixed it myself' });
      expect(r).toEqual({ ok: true, patch: { status: 'cancelled', statusChangedAt: now, sla: 'stop', autoAssign: false, reason: 'Fixed it myself', cancelledAt: now } });
    }
  });

  it('may not cancel once work has started', () => {
    const r = canTransition(ticket('in_progress'), 'cancelled', reporter, { now, reason: 'Changed my mind' });
    expect(r).toEqual({ ok: false, code: 'WORK_ALREADY_STARTED', message: 'A resident can cancel a ticket only before work starts', allowed: [] });
    const held = canTransition(ticket('on_hold'), 'cancelled', reporter, { now, reason: 'x' });
    expect(!held.ok && held.code).toBe('WORK_ALREADY_STARTED');
  });

  it('may not cancel a ticket someone else in the household reported', () => {
    const r = canTransition(ticket('new'), 'cancelled', spouse, { now, reason: 'dup' });
    expect(!r.ok && r.code).toBe('NOT_REPORTER');
  });

  it('needs a reason', () => {
    const r = canTransition(ticket('new'), 'cancelled', reporter, { now, reason: '   ' });
    expect(r).toEqual({ ok: false, code: 'REASON_REQUIRED', message: 'Moving a ticket to cancelled needs a reason', allowed: ['cancelled'] });
  });
});
