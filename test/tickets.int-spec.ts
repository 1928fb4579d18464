import { TicketsWorld, Person } from './tickets-world';

describe('tickets: resident and staff flow (real Postgres and Redis)', () => {
  let w: TicketsWorld;
  let a: Person;
  let b: Person;
  let plumber: Person;
  let electrician: Person;
  let manager: Person;
  let unitA: string;

  beforeAll(async () => {
    w = await TicketsWorld.start('tickets');
    const c = await w.community();
    unitA = c.unitA.id;
    a = await w.resident(c.unitA);
    b = await w.resident(c.unitB);
    plumber = await w.staff(c.site, 'technician', ['plumbing']);
    electrician = await w.staff(c.site, 'technician', ['electrical']);
    manager = await w.staff(c.site, 'manager');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('resident reports, gets a numbered auto-assigned ticket; staff work it to resolved; a low rating reopens it to the same technician', async () => {
    const created = await w.post('/tickets', a, { category: 'plumbing', title: 'Kitchen tap dripping', description: 'The kitchen tap drips slowly all night', unitId: unitA });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'assigned', assigneeId: plumber.id, priority: 'normal', emergency: false, unitId: unitA, reporterKind: 'resident', reporterId: a.id });
    expect(created.body.number).toMatch(/^T-\d{6}$/);
    expect(created.body.sla.firstResponseDueAt).toEqual(expect.any(String));
    const id = created.body.id as string;

    const seen = await w.get(`/tickets/${id}`, a);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedTransitions).toEqual(['cancelled']);
    expect(seen.body.activity.map((x: { action: string }) => x.action)).toEqual(['created', 'status_changed', 'assigned']);

    await w.move(id, plumber, 'in_progress');
    await w.post(`/tickets/${id}/comments`, plumber, { body: 'Spare washer needed; resident was rude', visibility: 'internal' });
    expect((await w.post(`/tickets/${id}/comments`, plumber, { body: 'Coming at 3pm with a new washer' })).status).toBe(201);
    const resolved = await w.move(id, plumber, 'resolved', { resolutionNote: 'Washer replaced' });
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: 'Washer replaced' });
    expect(resolved.autoCloseAt).toEqual(expect.any(String));

    const asResident = await w.get(`/tickets/${id}`, a);
    expect(asResident.body.comments.map((x: { body: string }) => x.body)).toEqual(['Coming at 3pm with a new washer']);
    expect(asResident.body.activity.some((x: { action: string }) => x.action === 'internal_note')).toBe(false);
    const asStaff = await w.get(`/tickets/${id}`, manager);
    expect(asStaff.body.comments).toHaveLength(2);

    const rated = await w.post(`/tickets/${id}/rating`, a, { score: 2, comment: 'Still dripping' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'assigned', assigneeId: plumber.id, reopenCount: 1, rating: { score: 2 } });
    const again = await w.post(`/tickets/${id}/rating`, a, { score: 1 });
    expect(again.status).toBe(409);

    await w.move(id, plumber, 'in_progress');
    await w.move(id, plumber, 'resolved', { resolutionNote: 'Tap replaced' });
    const closed = await w.post(`/tickets/${id}/rating`, a, { score: 5 });
    expect(closed.body).toMatchObject({ status: 'closed', rating: { score: 5 } });

    const kinds = (await w.notifications(a)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ticket.status', 'ticket.comment']));
    const plumberInbox = (await w.notifications(plumber)).filter((n) => n.ref?.id === id).map((n) => n.kind);
    expect(plumberInbox.filter((k) => k === 'ticket.assigned')).toHaveLength(2);
    expect(plumberInbox).toContain('ticket.status');
  });

  it('another household gets 404, never the ticket', async () => {
    const t = await w.post('/tickets', a, { category: 'electrical', title: 'Socket loose', description: 'Bedroom socket is loose', unitId: unitA });
    expect(t.status).toBe(201);
    expect((await w.get(`/tickets/${t.body.id}`, b)).status).toBe(404);
    expect((await w.post(`/tickets/${t.body.id}/comments`, b, { body: 'hi' })).status).toBe(404);
    expect((await w.post(`/tickets/${t.body.id}/transitions`, b, { to: 'cancelled', reason: 'x', version: 1 })).status).toBe(404);
    const list = await w.get('/tickets', b);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(t.body.id);
    const own = await w.get('/tickets', a);
    expect(own.body.items.map((x: { id: string }) => x.id)).toContain(t.body.id);
    // A unit of another household is refused at creation.
    const foreign = await w.post('/tickets', b, { category: 'electrical', title: 'x', description: 'y', unitId: unitA });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('TICKET_UNIT_NOT_IN_HOUSEHOLD');
    expect(electrician.id).toBeDefined();
  });

  it('a second staff change with a stale version gets 409 and nothing is lost', async () => {
    const t = (await w.post('/tickets', a, { category: 'plumbing', title: 'Shower drain slow', description: 'Water drains slowly', unitId: unitA })).body;
    const v = t.version as number;
    const first = await w.post(`/tickets/${t.id}/transitions`, plumber, { to: 'in_progress', version: v });
    expect(first.status).toBe(200);
    const second = await w.patch(`/tickets/${t.id}`, manager, { priority: 'high', version: v });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'TICKET_VERSION_CONFLICT', details: { currentVersion: first.body.version, yourVersion: v } });
    const retry = await w.patch(`/tickets/${t.id}`, manager, { priority: 'high', version: first.body.version });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'in_progress', priority: 'high' });
  });

  it('an illegal transition is 409 listing the allowed ones; a missing reason is 400', async () => {
    const t = (await w.post('/tickets', a, { category: 'plumbing', title: 'Toilet runs', description: 'Cistern keeps running', unitId: unitA })).body;
    const illegal = await w.post(`/tickets/${t.id}/transitions`, plumber, { to: 'closed', version: t.version });
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('TICKET_INVALID_TRANSITION');
    expect(illegal.body.details.allowed).toEqual(expect.arrayContaining(['in_progress', 'on_hold', 'cancelled']));
    const noReason = await w.post(`/tickets/${t.id}/transitions`, plumber, { to: 'on_hold', version: t.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('TICKET_REASON_REQUIRED');
    const notMine = await w.post(`/tickets/${t.id}/transitions`, electrician, { to: 'in_progress', version: t.version });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('TICKET_NOT_ASSIGNEE');
  });
});
