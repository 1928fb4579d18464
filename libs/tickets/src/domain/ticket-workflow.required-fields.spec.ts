import { canTransition, MAX_REASON_LENGTH, TicketActor } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const manager: TicketActor = { role: 'manager', id: 'mgr-1' };
const working = { status: 'in_progress' as const, reporterId: 'res-1', assigneeId: 'staff-7' };

describe('required fields', () => {
  it('on_hold needs a reason', () => {
    const r = canTransition(working, 'on_hold', manager, { now });
    expect(!r.ok && r.code).toBe('REASON_REQUIRED');
    expect(!r.ok && r.allowed).toEqual(['on_hold', 'resolved', 'cancelled']);
  });

  it('resolved needs a resolution note (a reason is not enough)', () => {
    const r = canTransition(working, 'resolved', manager, { now, reason: 'done' });
    expect(r).toEqual({ ok: false, code: 'RESOLUTION_NOTE_REQUIRED', message: 'Resolving a ticket needs a resolution note', allowed: ['on_hold', 'resolved', 'cancelled'] });
  });

  it('reopening needs a reason', () => {
    const r = canTransition({ status: 'resolved', reporterId: 'res-1' }, 'reopened', manager, { now, reason: null });
    expect(!r.ok && r.code).toBe('REASON_REQUIRED');
  });

  it('a manager assigning must name the assignee', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1' }, 'assigned', manager, { now });
    expect(!r.ok && r.code).toBe('ASSIGNEE_REQUIRED');
    const ok = canTransition({ status: 'new', reporterId: 'res-1' }, 'assigned', manager, { now, assigneeId: 'staff-9' });
    expect(ok.ok && ok.patch.assigneeId).toBe('staff-9');
  });

  it('rejects an overly long reason', () => {
    const r = canTransition(working, 'on_hold', manager, { now, reason: 'x'.repeat(MAX_REASON_LENGTH + 1) });
    expect(!r.ok && r.code).toBe('FIELD_TOO_LONG');
    expect(canTransition(working, 'on_hold', manager, { now, reason: 'x'.repeat(MAX_REASON_LENGTH) }).ok).toBe(true);
  });
});
