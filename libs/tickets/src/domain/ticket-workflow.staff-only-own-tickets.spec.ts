import { allowedTransitions, canTransition, TicketActor, WorkflowTicket } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const me: TicketActor = { role: 'staff', id: 'staff-7' };
const colleagues: WorkflowTicket = { status: 'in_progress', reporterId: 'res-1', assigneeId: 'staff-8' };

describe('staff act on their own tickets', () => {
  it('cannot resolve a colleague\'s ticket', () => {
    const r = canTransition(colleagues, 'resolved', me, { now, resolutionNote: 'done' });
    expect(r).toEqual({ ok: false, code: 'NOT_ASSIGNEE', message: 'Only the assigned technician (or a manager) can change this ticket', allowed: [] });
  });

  it('a manager can', () => {
    expect(canTransition(colleagues, 'resolved', { role: 'manager', id: 'm' }, { now, resolutionNote: 'done' }).ok).toBe(true);
  });

  it('cannot assign a ticket to someone else', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1' }, 'assigned', me, { now, assigneeId: 'staff-8' });
    expect(!r.ok && r.code).toBe('SELF_ASSIGN_ONLY');
  });

  it('cannot take a new ticket that is already someone else\'s into work', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1', assigneeId: 'staff-8' }, 'in_progress', me, { now });
    expect(!r.ok && r.code).toBe('NOT_ASSIGNEE');
  });

  it('may cancel an untaken ticket (spam, duplicate) but not a colleague\'s', () => {
    expect(canTransition({ status: 'new', reporterId: 'res-1' }, 'cancelled', me, { now, reason: 'Duplicate of T-000041' }).ok).toBe(true);
    const r = canTransition({ status: 'assigned', reporterId: 'res-1', assigneeId: 'staff-8' }, 'cancelled', me, { now, reason: 'dup' });
    expect(!r.ok && r.code).toBe('NOT_ASSIGNEE');
  });

  it('may not cancel work in progress, even their own', () => {
    const r = canTransition({ status: 'in_progress', reporterId: 'res-1', assigneeId: 'staff-7' }, 'cancelled', me, { now, reason: 'x' });
    expect(!r.ok && r.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('a resident cannot start work', () => {
    const r = canTransition({ status: 'assigned', reporterId: 'res-1', assigneeId: 'staff-7' }, 'in_progress', { role: 'resident', id: 'res-1' }, { now });
    expect(!r.ok && r.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('lists the assignee\'s options on a held ticket', () => {
    expect(allowedTransitions({ status: 'on_hold', reporterId: 'res-1', assigneeId: 'staff-7' }, me)).toEqual(['in_progress', 'resolved']);
  });
});
