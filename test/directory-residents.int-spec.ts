import { DataSource } from 'typeorm';
import { Account, ResidentEvents, ResidentMovedOut, UnitMembership } from '@app/community';
import { AuditEntry } from '@app/core';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, asUser, createTestEnv, fieldsOf, signIn, startTestApi } from '@app/testing';

// Residents over the real api: CRUD with logins, household scoping, search and paging, move-out.
describe('community directory: residents (real Postgres and Redis)', () => {
  let env: TestEnv;
  let api: TestApi;
  let f: Factories;
  let db: DataSource;

  beforeAll(async () => {
    env = await createTestEnv('residents');
    api = await startTestApi(env, { LOGIN_MAX_PER_IP: '100000' });
    db = api.app.get(DataSource);
    f = new Factories(db);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const login = (id: string, password = TEST_PASSWORD) => api.http.post('/api/v1/auth/login').send({ login: id, password });
  const tokenOf = (id: string) => signIn(api, id, TEST_PASSWORD);
  const as = (token: string) => asUser(api, token);

  it('creates a resident with a phone login and password; they sign in and see their household', async () => {
    const { site, unitA, a } = await f.twoHouseholds();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const res = await manager.post('/residents', { fullName: 'Li Na', phone: '+86 138-1111-0001', units: [{ unitId: unitA.id, relation: 'family' }], password: 'li-na-password' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ siteId: site.id, fullName: 'Li Na', phone: '+8613811110001', status: 'active', account: { disabled: false, passwordSet: true } });
    expect(res.body.units).toEqual([expect.objectContaining({ unitId: unitA.id, relation: 'family', unitNumber: unitA.number })]);

    const s = await login('+8613811110001', 'li-na-password');
    expect(s.status).toBe(200);
    expect(s.body.user).toMatchObject({ role: 'resident', residentId: res.body.id, unitIds: [unitA.id] });
    const household = await as(s.body.accessToken).get('/me/household');
    expect(household.status).toBe(200);
    expect(household.body.units).toHaveLength(1);
    expect(household.body.units[0]).toMatchObject({ unitId: unitA.id, number: unitA.number, relation: 'family' });
    expect(household.body.units[0].members.map((m: { residentId: string }) => m.residentId).sort()).toEqual([a.resident.id, res.body.id].sort());

    const audit = await db.getRepository(AuditEntry).findOneByOrFail({ entityId: res.body.id, action: 'resident.create' });
    expect(audit).toMatchObject({ siteId: site.id, actorRole: 'manager' });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|li-na-password/);
  });

  it('answers bad resident bodies with 400s naming each field, and login clashes with 409s', async () => {
    const { site, unitA, unitB, a } = await f.twoHouseholds();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const bad = await manager.post('/residents', { fullName: '', phone: '12ab', email: 'nope', units: [{ unitId: 'x', relation: 'cousin' }], nickname: 'Li' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['fullName', 'phone', 'email', 'units.0.unitId', 'units.0.relation', 'nickname']));
    expect((await manager.post('/residents', { fullName: 'No Units', phone: '13811110002', units: [] })).body.details).toEqual([expect.objectContaining({ field: 'units' })]);
    const noLogin = await manager.post('/residents', { fullName: 'Nobody', units: [{ unitId: unitA.id, relation: 'owner' }] });
    expect(noLogin.status).toBe(400);
    expect(fieldsOf(noLogin.body)).toEqual(['phone']);
    const twice = await manager.post('/residents', { fullName: 'Twice', phone: '13811110003', units: [{ unitId: unitA.id, relation: 'owner' }, { unitId: unitA.id, relation: 'family' }] });
    expect(fieldsOf(twice.body)).toEqual(['units.1.unitId']);

    const clash = await manager.post('/residents', { fullName: 'Clash', phone: a.resident.phone, units: [{ unitId: unitB.id, relation: 'owner' }] });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'PHONE_TAKEN', details: [{ field: 'phone', reason: 'already belongs to a resident of this site' }] });
    // Nothing half-written by the refused requests.
    expect(await db.getRepository(Account).countBy({ phone: '13811110003' })).toBe(0);
  });

  it('scopes a resident to their household: a member is 200, another household is 404, lists are 403', async () => {
    const { site, unitA, a, b } = await f.twoHouseholds();
    const spouse = await f.resident(unitA, {}, 'family');
    const resident = as(await tokenOf(a.login));

    const member = await resident.get(`/residents/${spouse.resident.id}`);
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ id: spouse.resident.id, fullName: spouse.resident.fullName });
    expect(member.body.account).toBeUndefined();
    expect((await resident.get(`/residents/${a.resident.id}`)).status).toBe(200);

    const other = await resident.get(`/residents/${b.resident.id}`);
    expect(other.status).toBe(404);
    const missing = await resident.get('/residents/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(other.body.code).toBe(missing.body.code);
    expect((await resident.get('/residents')).status).toBe(403);
    expect((await resident.patch(`/residents/${spouse.resident.id}`, { fullName: 'x' })).status).toBe(403);
    expect((await resident.post(`/residents/${b.resident.id}/move-out`)).status).toBe(403);

    // Staff of another site get the same 404 as for a missing resident.
    const stranger = as(await tokenOf((await f.staff([await f.site()], 'manager')).login));
    expect((await stranger.get(`/residents/${a.resident.id}`)).status).toBe(404);
    const staffOfSite = as(await tokenOf((await f.staff([site], 'technician')).login));
    expect((await staffOfSite.get(`/residents/${b.resident.id}`)).body.account).toMatchObject({ passwordSet: true });
  });

  it('searches by name, phone and unit number and filters by building, unit and status', async () => {
    const site = await f.site();
    const b1 = await f.building(site);
    const b2 = await f.building(site);
    const u101 = await f.unit(b1, { number: '101' });
    const u2502 = await f.unit(b2, { number: '2502' });
    const wang = await f.resident(u101, { fullName: 'Wang Xiuying', phone: '13912340001' });
    const zhou = await f.resident(u2502, { fullName: 'Zhou Lei', phone: '13955550002' });
    const tech = as(await tokenOf((await f.staff([site], 'technician')).login));
    const ids = async (query: string) => ((await tech.get(`/residents?siteId=${site.id}&${query}`)).body.items as { id: string }[]).map((r) => r.id);

    expect(await ids('q=xiuying')).toEqual([wang.resident.id]);
    expect(await ids(`q=${encodeURIComponent('139-5555')}`)).toEqual([zhou.resident.id]);
    expect(await ids('q=2502')).toEqual([zhou.resident.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids(`buildingId=${b1.id}`)).toEqual([wang.resident.id]);
    expect(await ids(`unitId=${u2502.id}`)).toEqual([zhou.resident.id]);
    expect(await ids('status=moved_out')).toEqual([]);
    const bad = await tech.get('/residents?status=gone&unitId=1&limit=0&extra=1');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['status', 'unitId', 'limit', 'extra']));
  });

  it('walks every resident of a site page by page with no duplicates and no gaps', async () => {
    const site = await f.site();
    const unit = await f.unit(await f.building(site));
    const names = ['Chen', 'Chen', 'Chen', 'An', 'Zhu', 'Bo', 'Chen', 'Li', 'Li', 'Ma', 'Wu'];
    const created = [];
    for (const n of names) created.push((await f.resident(unit, { fullName: n })).resident.id);
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string; fullName: string }[]; nextCursor: string | null } } = await manager.get(`/residents?siteId=${site.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(names.length);
    expect([...seen].sort()).toEqual([...created].sort());
  });

  it('moves a resident out: memberships end, login is disabled, the event fires, and it is audited once', async () => {
    const { site, unitA, a } = await f.twoHouseholds();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const session = await login(a.login);
    const events: ResidentMovedOut[] = [];
    const off = api.app.get(ResidentEvents).onMovedOut((e) => {
      events.push(e);
    });
    try {
      const res = await manager.post(`/residents/${a.resident.id}/move-out`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'moved_out', units: [], account: { disabled: true } });
      expect(res.body.movedOutAt).toEqual(expect.any(String));
      await new Promise((r) => setImmediate(r));
      expect(events).toEqual([expect.objectContaining({ residentId: a.resident.id, siteId: site.id, unitIds: [unitA.id], accountId: a.account.id })]);
    } finally {
      off();
    }
    expect(await db.getRepository(UnitMembership).findBy({ residentId: a.resident.id })).toEqual([expect.objectContaining({ active: false, until: expect.any(Date) })]);
    expect((await login(a.login)).status).toBe(401);
    expect((await api.http.post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken })).status).toBe(401);
    expect((await manager.post(`/residents/${a.resident.id}/move-out`)).body.code).toBe('RESIDENT_ALREADY_MOVED_OUT');
    expect(await db.getRepository(AuditEntry).countBy({ entityId: a.resident.id, action: 'resident.move_out' })).toBe(1);
    expect((await manager.get(`/residents?siteId=${site.id}&status=moved_out`)).body.items.map((r: { id: string }) => r.id)).toEqual([a.resident.id]);
  });

  it('adds and ends memberships, only with units of the same site', async () => {
    const { site, building, unitA, unitB, a } = await f.twoHouseholds();
    const unitC = await f.unit(building);
    const foreignUnit = await f.unit(await f.building(await f.site()));
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));

    const added = await manager.post(`/residents/${a.resident.id}/memberships`, { unitId: unitC.id, relation: 'tenant' });
    expect(added.status).toBe(201);
    expect(added.body.units.map((u: { unitId: string }) => u.unitId)).toContain(unitC.id);
    expect((await manager.post(`/residents/${a.resident.id}/memberships`, { unitId: unitC.id, relation: 'tenant' })).body.code).toBe('ALREADY_MEMBER');
    expect((await manager.post(`/residents/${a.resident.id}/memberships`, { unitId: foreignUnit.id, relation: 'owner' })).status).toBe(400);

    // The household is read from the database: the new unit shows at once, unitB (a neighbour's) never.
    const household = await as(await tokenOf(a.login)).get('/me/household');
    expect(household.body.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual([unitA.id, unitC.id].sort());
    expect(household.body.units.find((u: { unitId: string }) => u.unitId === unitC.id)).toMatchObject({ relation: 'tenant', members: [expect.objectContaining({ residentId: a.resident.id })] });
    expect(household.body.units.map((u: { unitId: string }) => u.unitId)).not.toContain(unitB.id);

    const ended = await manager.del(`/residents/${a.resident.id}/memberships/${unitC.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body.units.map((u: { unitId: string }) => u.unitId)).not.toContain(unitC.id);
    expect((await manager.del(`/residents/${a.resident.id}/memberships/${unitC.id}`)).status).toBe(404);
    expect(await db.getRepository(UnitMembership).countBy({ residentId: a.resident.id, unitId: unitC.id, active: false })).toBe(1);
  });

  it('edits contact details (the login follows) and sets an initial password for a resident who has none', async () => {
    const { site, unitA } = await f.twoHouseholds();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const created = await manager.post('/residents', { fullName: 'Sun Hao', email: 'sun.hao@example.com', units: [{ unitId: unitA.id, relation: 'owner' }] });
    expect(created.body.account).toMatchObject({ passwordSet: false });
    expect((await login('sun.hao@example.com', 'anything-at-all')).status).toBe(401);

    const edited = await manager.patch(`/residents/${created.body.id}`, { phone: '13822220001', email: 'Hao.Sun@Example.com' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ phone: '13822220001', email: 'hao.sun@example.com' });
    expect(await db.getRepository(Account).findOneByOrFail({ residentId: created.body.id })).toMatchObject({ phone: '13822220001', email: 'hao.sun@example.com' });

    expect((await manager.post(`/residents/${created.body.id}/password`, { password: 'short' })).status).toBe(400);
    expect((await manager.post(`/residents/${created.body.id}/password`, { password: 'sun-hao-password' })).status).toBe(204);
    expect((await login('13822220001', 'sun-hao-password')).status).toBe(200);
    expect(await db.getRepository(AuditEntry).countBy({ entityId: created.body.id, action: 'resident.password_set' })).toBe(1);
    expect((await as(await tokenOf((await f.staff([site], 'technician')).login)).post(`/residents/${created.body.id}/password`, { password: 'tech-sets-it' })).status).toBe(403);
  });
});
