import { Person, TicketsWorld } from './tickets-world';

describe('tickets: staff console, guards and bad input (real Postgres and Redis)', () => {
  let w: TicketsWorld;
  let siteId: string;
  let buildingId: string;
  let otherBuildingId: string;
  let unitA: string;
  let unitC: string;
  let a: Person;
  let c: Person;
  let plumber: Person;
  let electrician: Person;
  let manager: Person;
  let outsider: Person;

  beforeAll(async () => {
    w = await TicketsWorld.start('ticketcon');
    const world = await w.community();
    siteId = world.site.id;
    buildingId = world.building.id;
    unitA = world.unitA.id;
    const other = await w.f.building(world.site);
    otherBuildingId = other.id;
    const u = await w.f.unit(other);
    unitC = u.id;
    a = await w.resident(world.unitA);
    c = await w.resident(u);
    plumber = await w.staff(world.site, 'technician', ['plumbing']);
    electrician = await w.staff(world.site, 'technician', ['electrical']);
    manager = await w.staff(world.site, 'manager');
    const elsewhere = await w.f.site();
    outsider = await w.staff(elsewhere, 'manager');
    // Generous creation limit for the fixtures below.
    expect((await w.put(`/ticket-settings/${siteId}`, manager, { createLimitPerHour: 100 })).status).toBe(200);
    const make = (who: Person, unitId: string, category: string, title: string, description = title) => w.post('/tickets', who, { category, title, description, unitId });
    for (let i = 0; i < 5; i++) expect((await make(a, unitA, 'plumbing', `Leaky washer ${i}`, 'small drip from the tap')).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await make(c, unitC, 'electrical', `Flickering light ${i}`)).status).toBe(201);
    expect((await make(c, unitC, 'cleaning', 'Stairwell rubbish', 'Someone left bags of rubbish by the lift')).status).toBe(201);
  });
  afterAll(async () => {
    await w?.close();
  });

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((x) => x.id);

  it('filters by status, category, priority, assignee ("my queue", unassigned), building and text', async () => {
    const plumbing = await w.get(`/tickets?category=plumbing&siteId=${siteId}`, manager);
    expect(plumbing.status).toBe(200);
    expect(plumbing.body.items).toHaveLength(5);
    expect((await w.get('/tickets?assignee=me', plumber)).body.items).toHaveLength(5);
    expect((await w.get('/tickets?assignee=me', electrician)).body.items).toHaveLength(3);
    // Nobody cleans: the cleaning ticket stays new and unassigned.
    const unassigned = await w.get('/tickets?assignee=none', manager);
    expect(unassigned.body.items.map((x: { title: string; status: string }) => [x.title, x.status])).toEqual([['Stairwell rubbish', 'new']]);
    expect((await w.get(`/tickets?buildingId=${otherBuildingId}`, manager)).body.items).toHaveLength(4);
    expect((await w.get(`/tickets?buildingId=${buildingId}&status=assigned,in_progress`, manager)).body.items).toHaveLength(5);
    expect((await w.get('/tickets?status=new', manager)).body.items).toHaveLength(1);
    expect((await w.get('/tickets?priority=normal', manager)).body.items).toHaveLength(9);
    const text = await w.get(`/tickets?q=${encodeURIComponent('rubbish by the lift')}`, manager);
    expect(text.body.items.map((x: { title: string }) => x.title)).toEqual(['Stairwell rubbish']);
    const byNumber = await w.get(`/tickets?q=${text.body.items[0].number}`, manager);
    expect(ids(byNumber)).toEqual(ids(text));
    expect((await w.get('/tickets?sla=ok', manager)).body.items).toHaveLength(9);
    expect((await w.get('/tickets?sla=breached', manager)).body.items).toHaveLength(0);
  });

  it('pages with a cursor in every sort order without gaps or repeats', async () => {
    for (const sort of ['-created', 'created', '-updated', 'sla_due', '-priority']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await w.get(`/tickets?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`, manager);
        expect([sort, res.status, res.status === 200 ? '' : JSON.stringify(res.body)]).toEqual([sort, 200, '']);
        seen.push(...res.body.items.map((x) => x.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
    }
    const desc = ids(await w.get('/tickets?sort=-created', manager));
    const asc = ids(await w.get('/tickets?sort=created', manager));
    expect(asc).toEqual([...desc].reverse());
  });

  it('counts tickets per status for the console tabs, with the same filters', async () => {
    const res = await w.get(`/tickets/counts?siteId=${siteId}`, manager);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 9, counts: { new: 1, assigned: 8, in_progress: 0, closed: 0 } });
    expect((await w.get('/tickets/counts?category=electrical', manager)).body.total).toBe(3);
  });

  it('scopes by role and site: residents see their household only, other sites see nothing', async () => {
    expect((await w.get('/tickets', a)).body.items).toHaveLength(5);
    expect((await w.get('/tickets', c)).body.items).toHaveLength(4);
    expect((await w.get('/tickets', outsider)).body.items).toHaveLength(0);
    expect((await w.get(`/tickets?siteId=${siteId}`, outsider)).body.items).toHaveLength(0);
    const one = (await w.get('/tickets', a)).body.items[0].id;
    expect((await w.get(`/tickets/${one}`, outsider)).status).toBe(404);
    expect((await w.get('/tickets/counts', a)).status).toBe(403);
    expect((await w.post(`/tickets/${one}/assign`, plumber, { assigneeId: electrician.id, version: 1 })).status).toBe(403);
    expect((await w.patch(`/tickets/${one}`, a, { priority: 'high', version: 1 })).status).toBe(403);
    expect((await w.post(`/tickets/${one}/comments`, a, { body: 'secret', visibility: 'internal' })).status).toBe(403);
    expect((await w.put(`/ticket-settings/${siteId}`, plumber, { createLimitPerHour: 1 })).status).toBe(403);
    expect((await w.put(`/ticket-settings/${siteId}`, outsider, { createLimitPerHour: 1 })).status).toBe(404);
    expect((await w.api.http.get('/api/v1/tickets')).status).toBe(401);
  });

  it('answers bad input with 400s that name each field', async () => {
    const res = await w.post('/tickets', a, { category: 'fire', title: '', description: 5, priority: 'urgent', unitId: 'nope', extra: 1 });
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'title', 'description', 'priority', 'unitId', 'extra']));
    const both = await w.post('/tickets', a, { category: 'plumbing', title: 'x', description: 'y', unitId: unitA, location: 'Lobby' });
    expect(both.status).toBe(400);
    expect((both.body.details as { field: string }[]).map((d) => d.field)).toEqual(['unitId', 'location']);
    const neither = await w.post('/tickets', a, { category: 'plumbing', title: 'x', description: 'y' });
    expect(neither.status).toBe(400);
    const window = await w.post('/tickets', a, { category: 'plumbing', title: 'x', description: 'y', unitId: unitA, preferredWindow: { from: '2026-06-02T12:00:00Z', to: '2026-06-02T09:00:00Z' } });
    expect(window.body.details).toEqual([{ field: 'preferredWindow.to', reason: 'must be after preferredWindow.from' }]);
    const t = (await w.get('/tickets', a)).body.items[0];
    const tr = await w.post(`/tickets/${t.id}/transitions`, plumber, { to: 'done', version: 0 });
    expect((tr.body.details as { field: string }[]).map((d) => d.field)).toEqual(expect.arrayContaining(['to', 'version']));
    expect((await w.get('/tickets/not-a-uuid', a)).status).toBe(400);
    expect((await w.get('/tickets?status=open', manager)).status).toBe(400);
    expect((await w.get('/tickets?sort=title', manager)).status).toBe(400);
    expect((await w.get('/tickets?cursor=garbage', manager)).status).toBe(400);
    const settings = await w.put(`/ticket-settings/${siteId}`, manager, { slaPolicy: { plumbing: { normal: { firstResponseMinutes: 0, resolutionMinutes: 10, hours: 'sometimes' } } } });
    expect(settings.status).toBe(400);
    expect(settings.body.details[0].field).toBe('slaPolicy');
  });

  it('emergencies: a burst pipe becomes an emergency whatever the resident chose, and the manager hears of it', async () => {
    const res = await w.post('/tickets', a, { category: 'plumbing', title: 'Pipe burst', description: 'Water pouring from the ceiling!', unitId: unitA, priority: 'low' });
    expect(res.body).toMatchObject({ priority: 'emergency', emergency: true, emergencyReasons: ['water_burst_or_flooding'], assigneeId: plumber.id });
    const inbox = await w.notifications(manager);
    expect(inbox.some((n) => n.kind === 'ticket.emergency' && n.ref?.id === res.body.id)).toBe(true);
  });

  it('flags a common-area duplicate and merges it; both reporters are kept informed', async () => {
    const first = await w.post('/tickets', a, { category: 'common_facilities', title: 'Lobby light out', description: 'The lobby light is out', location: 'Building 3 lobby' });
    expect(first.status).toBe(201);
    const dup = await w.post('/tickets', c, { category: 'common_facilities', title: 'Dark lobby', description: 'No light', location: '3号楼大堂' });
    expect(dup.body.likelyDuplicateOfId).toBe(first.body.id);
    const merged = await w.post(`/tickets/${dup.body.id}/merge`, manager, { intoTicketId: first.body.id, version: dup.body.version });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'cancelled', mergedIntoId: first.body.id });
    // The duplicate's reporter now follows the original: sees it, and hears when it moves.
    expect((await w.get(`/tickets/${first.body.id}`, c)).status).toBe(200);
    await w.post(`/tickets/${first.body.id}/assign`, manager, { assigneeId: electrician.id, version: (await w.get(`/tickets/${first.body.id}`, manager)).body.version });
    const cInbox = await w.notifications(c);
    expect(cInbox.filter((n) => n.ref?.id === first.body.id).map((n) => n.kind)).toEqual(expect.arrayContaining(['ticket.merged', 'ticket.status']));
    expect((await w.notifications(a)).some((n) => n.kind === 'ticket.merged')).toBe(true);
  });

  it('a manager reassigns; the new technician is told and the old one loses it from their queue', async () => {
    const t = (await w.post('/tickets', a, { category: 'plumbing', title: 'Water heater noisy', description: 'Banging noise', unitId: unitA })).body;
    const res = await w.post(`/tickets/${t.id}/assign`, manager, { assigneeId: electrician.id, version: t.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'assigned', assigneeId: electrician.id });
    expect(ids(await w.get('/tickets?assignee=me', plumber))).not.toContain(t.id);
    expect((await w.notifications(electrician)).some((n) => n.kind === 'ticket.assigned' && n.ref?.id === t.id)).toBe(true);
    const foreign = await w.post(`/tickets/${t.id}/assign`, manager, { assigneeId: outsider.id, version: res.body.version });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details[0].field).toBe('assigneeId');
  });

  it('marks notifications read', async () => {
    const list = await w.get('/me/notifications?unread=true', a);
    expect(list.status).toBe(200);
    expect(list.body.unread).toBeGreaterThan(0);
    const one = list.body.items[0].id;
    expect((await w.post(`/me/notifications/${one}/read`, a)).body.readAt).toEqual(expect.any(String));
    expect((await w.post(`/me/notifications/${one}/read`, c)).status).toBe(404);
    await w.post('/me/notifications/read-all', a);
    expect((await w.get('/me/notifications?unread=true', a)).body).toMatchObject({ items: [], unread: 0 });
  });

  it('rate-limits ticket creation per resident with 429 and Retry-After', async () => {
    expect((await w.put(`/ticket-settings/${siteId}`, manager, { createLimitPerHour: 2 })).status).toBe(200);
    const building = (await w.db.query('SELECT * FROM buildings WHERE id = $1', [buildingId]))[0];
    const spam = await w.resident(await w.f.unit(building));
    const quiet = await w.resident(await w.f.unit(building));
    const make = () => w.post('/tickets', spam, { category: 'noise', title: 'Loud music', description: 'Party next door', location: 'Courtyard' });
    expect((await make()).status).toBe(201);
    expect((await make()).status).toBe(201);
    const third = await make();
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('TOO_MANY_TICKETS');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // Another resident is not affected.
    expect((await w.post('/tickets', quiet, { category: 'noise', title: 'Drilling', description: 'Drilling at 7am', location: 'Building 1' })).status).toBe(201);
  });
});
