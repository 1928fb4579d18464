import { allowedTransitions, canTransition, TicketActor, TRANSITION_ERROR_KIND, WorkflowTicket } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const manager: TicketActor = { role: 'manager', id: 'mgr-1' };
const tech: TicketActor = { role: 'staff', id: 'staff-7' };

describe('illegal transitions', () => {
  it('new -> resolved is a conflict that lists what is allowed', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1' }, 'resolved', manager, { now, resolutionNote: 'done' });
    expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: 'A ticket cannot go from new to resolved', allowed: ['assigned', 'cancelled'] });
    expect(TRANSITION_ERROR_KIND.INVALID_TRANSITION).toBe('conflict');
  });

  it('a status cannot transition to itself', () => {
    const r = canTransition({ status: 'in_progress', reporterId: 'res-1', assigneeId: 'staff-7' }, 'in_progress', tech, { now });
    expect(!r.ok && r.code).toBe('INVALID_TRANSITION');
    expect(!r.ok && r.allowed).toEqual(['on_hold', 'resolved']);
  });

  it('cancelled is final for everyone', () => {
    for (const role of ['resident', 'staff', 'manager', 'admin', 'system'] as const) {
      expect(allowedTransitions({ status: 'cancelled', reporterId: 'res-1' }, { role, id: 'x' })).toEqual([]);
    }
  });

  it('closed can only be reopened, and only by a manager or admin', () => {
    const closed: WorkflowTicket = { status: 'closed', reporterId: 'res-1', unitId: 'u1' };
    expect(allowedTransitions(closed, manager)).toEqual(['reopened']);
    expect(allowedTransitions(closed, { role: 'admin', id: 'a' })).toEqual(['reopened']);
    expect(allowedTransitions(closed, tech)).toEqual([]);
    expect(allowedTransitions(closed, { role: 'resident', id: 'res-1', unitIds: ['u1'] })).toEqual([]);
  });

  it('an unknown target status is invalid, not a crash', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1' }, 'archived' as never, manager, { now });
    expect(!r.ok && r.code).toBe('INVALID_TRANSITION');
  });

  it('lists per role what a manager and a resident may do with a resolved ticket', () => {
    const resolved: WorkflowTicket = { status: 'resolved', reporterId: 'res-1', unitId: 'u1', assigneeId: 'staff-7' };
    expect(allowedTransitions(resolved, manager)).toEqual(['closed', 'reopened']);
    expect(allowedTransitions(resolved, { role: 'resident', id: 'res-1', unitIds: ['u1'] })).toEqual(['closed', 'reopened']);
    expect(allowedTransitions(resolved, tech)).toEqual(['reopened']);
    expect(allowedTransitions(resolved, { role: 'system', id: 'auto-close' })).toEqual(['closed', 'reopened']);
  });
});
