import { canTransition, MAX_RESIDENT_REOPENS, TicketActor, WorkflowTicket } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const resolved: WorkflowTicket = { status: 'resolved', reporterId: 'res-1', unitId: 'unit-101', assigneeId: 'staff-7', reopenCount: 0 };
const householdMember: TicketActor = { role: 'resident', id: 'res-2', unitIds: ['unit-101'] };
const neighbour: TicketActor = { role: 'resident', id: 'res-9', unitIds: ['unit-102'] };

describe('reopening', () => {
  it('a household member reopens a resolved ticket; it goes back to auto-assignment', () => {
    const r = canTransition(resolved, 'reopened', householdMember, { now, reason: 'Still leaking' });
    expect(r).toEqual({
      ok: true,
      patch: { status: 'reopened', statusChangedAt: now, sla: 'resume', autoAssign: true, reason: 'Still leaking', reopenCount: 1, resolvedAt: null },
    });
  });

  it('a neighbour cannot', () => {
    const r = canTransition(resolved, 'reopened', neighbour, { now, reason: 'x' });
    expect(!r.ok && r.code).toBe('NOT_REPORTER');
  });

  it(`a resident may reopen at most ${MAX_RESIDENT_REOPENS} times; staff still can`, () => {
    const worn = { ...resolved, reopenCount: MAX_RESIDENT_REOPENS };
    const r = canTransition(worn, 'reopened', householdMember, { now, reason: 'again' });
    expect(!r.ok && r.code).toBe('REOPEN_LIMIT_REACHED');
    expect(!r.ok && r.allowed).toEqual(['closed']);
    const staff = canTransition(worn, 'reopened', { role: 'staff', id: 'staff-3' }, { now, reason: 'Inspection found it unfinished' });
    expect(staff.ok && staff.patch.reopenCount).toBe(MAX_RESIDENT_REOPENS + 1);
  });

  it('the system reopens after a low rating', () => {
    const r = canTransition(resolved, 'reopened', { role: 'system', id: 'rating' }, { now, reason: 'Rated 1/5' });
    expect(r.ok && r.patch.autoAssign).toBe(true);
  });

  it('a manager reopens a closed ticket and clears closedAt', () => {
    const r = canTransition({ ...resolved, status: 'closed' }, 'reopened', { role: 'manager', id: 'm' }, { now, reason: 'Complaint escalated' });
    expect(r.ok && r.patch).toEqual({ status: 'reopened', statusChangedAt: now, sla: 'resume', autoAssign: true, reason: 'Complaint escalated', reopenCount: 1, resolvedAt: null, closedAt: null });
  });

  it('the previous technician may pick a reopened ticket back up; another may not', () => {
    const reopened = { ...resolved, status: 'reopened' as const };
    expect(canTransition(reopened, 'in_progress', { role: 'staff', id: 'staff-7' }, { now }).ok).toBe(true);
    const other = canTransition(reopened, 'in_progress', { role: 'staff', id: 'staff-8' }, { now });
    expect(!other.ok && other.code).toBe('NOT_ASSIGNEE');
  });
});
