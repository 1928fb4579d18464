import { canTransition, TicketActor, TransitionPatch, WorkflowTicket } from './ticket-workflow';

const now = new Date('2025-06-02T02:00:00Z');
const tech: TicketActor = { role: 'staff', id: 'staff-7' };
const resident: TicketActor = { role: 'resident', id: 'res-1', unitIds: ['unit-101'] };

function apply(ticket: WorkflowTicket, patch: TransitionPatch): WorkflowTicket {
  return {
    ...ticket,
    status: patch.status,
    assigneeId: patch.assigneeId ?? ticket.assigneeId,
    reopenCount: patch.reopenCount ?? ticket.reopenCount,
    firstResponseAt: patch.firstResponseAt ?? ticket.firstResponseAt,
  };
}

function step(ticket: WorkflowTicket, to: WorkflowTicket['status'], actor: TicketActor, input: Record<string, string> = {}): { ticket: WorkflowTicket; patch: TransitionPatch } {
  const r = canTransition(ticket, to, actor, { now, ...input });
  if (!r.ok) throw new Error(`${ticket.status} -> ${to}: ${r.code}`);
  return { ticket: apply(ticket, r.patch), patch: r.patch };
}

describe('a ticket from report to closure', () => {
  it('walks new -> assigned -> in_progress -> on_hold -> in_progress -> resolved -> closed with the right patches', () => {
    let t: WorkflowTicket = { status: 'new', reporterId: 'res-1', unitId: 'unit-101', assigneeId: null };

    let s = step(t, 'assigned', { role: 'system', id: 'auto-assign' }, { assigneeId: 'staff-7' });
    expect(s.patch).toEqual({ status: 'assigned', statusChangedAt: now, sla: 'none', autoAssign: false, assigneeId: 'staff-7' });
    t = s.ticket;

    s = step(t, 'in_progress', tech);
    expect(s.patch).toEqual({ status: 'in_progress', statusChangedAt: now, sla: 'none', autoAssign: false, firstResponseAt: now });
    t = s.ticket;

    s = step(t, 'on_hold', tech, { reason: '  Waiting for a replacement valve  ' });
    expect(s.patch).toEqual({
      status: 'on_hold',
      statusChangedAt: now,
      sla: 'pause',
      autoAssign: false,
      reason: 'Waiting for a replacement valve',
      holdReason: 'Waiting for a replacement valve',
    });
    t = s.ticket;

    s = step(t, 'in_progress', tech);
    expect(s.patch).toEqual({ status: 'in_progress', statusChangedAt: now, sla: 'resume', autoAssign: false, holdReason: null });
    t = s.ticket;

    s = step(t, 'resolved', tech, { resolutionNote: 'Replaced the valve under the sink' });
    expect(s.patch).toEqual({
      status: 'resolved',
      statusChangedAt: now,
      sla: 'stop',
      autoAssign: false,
      resolutionNote: 'Replaced the valve under the sink',
      resolvedAt: now,
    });
    t = s.ticket;

    s = step(t, 'closed', resident);
    expect(s.patch).toEqual({ status: 'closed', statusChangedAt: now, sla: 'none', autoAssign: false, closedAt: now });
    expect(s.ticket.status).toBe('closed');
  });

  it('a technician can take an untaken ticket straight into work', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1', assigneeId: null }, 'in_progress', tech, { now });
    expect(r).toEqual({ ok: true, patch: { status: 'in_progress', statusChangedAt: now, sla: 'none', autoAssign: false, assigneeId: 'staff-7', firstResponseAt: now } });
  });

  it('a technician takes a new ticket for themselves without naming an assignee', () => {
    const r = canTransition({ status: 'new', reporterId: 'res-1' }, 'assigned', tech, { now });
    expect(r.ok && r.patch.assigneeId).toBe('staff-7');
  });

  it('does not overwrite an earlier first response', () => {
    const earlier = new Date('2025-06-01T00:00:00Z');
    const r = canTransition({ status: 'assigned', reporterId: 'res-1', assigneeId: 'staff-7', firstResponseAt: earlier }, 'in_progress', tech, { now });
    expect(r.ok && r.patch.firstResponseAt).toBeUndefined();
  });
});
