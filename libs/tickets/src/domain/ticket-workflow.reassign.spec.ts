import { canReassign } from './ticket-workflow';

describe('manual reassignment', () => {
  const working = { status: 'in_progress' as const, reporterId: 'res-1', assigneeId: 'staff-7' };

  it('a manager moves work in progress to another technician without changing its status', () => {
    expect(canReassign(working, { role: 'manager', id: 'm' }, 'staff-9')).toEqual({ ok: true, patch: { assigneeId: 'staff-9' } });
  });

  it('staff cannot reassign', () => {
    expect(canReassign(working, { role: 'staff', id: 'staff-7' }, 'staff-9')).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED', message: 'Only a manager can reassign a ticket' });
  });

  it('new and reopened tickets go through the assigned transition instead', () => {
    const r = canReassign({ ...working, status: 'new' }, { role: 'manager', id: 'm' }, 'staff-9');
    expect(!r.ok && r.code).toBe('INVALID_TRANSITION');
  });

  it('needs an assignee', () => {
    const r = canReassign(working, { role: 'admin', id: 'a' }, '  ');
    expect(!r.ok && r.code).toBe('ASSIGNEE_REQUIRED');
  });
});
