import { DataSource } from 'typeorm';
import { Building, Site, Unit } from '@app/community';
import { AuditEntry } from '@app/core';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, asUser, createTestEnv, fieldsOf, signIn, startTestApi } from '@app/testing';

// Sites, buildings, units and staff over the real api: CRUD, validation, role guards and site scoping.
describe('community directory: sites, buildings, units, staff (real Postgres and Redis)', () => {
  let env: TestEnv;
  let api: TestApi;
  let f: Factories;
  let db: DataSource;

  beforeAll(async () => {
    env = await createTestEnv('directory');
    api = await startTestApi(env, { LOGIN_MAX_PER_IP: '100000' });
    db = api.app.get(DataSource);
    f = new Factories(db);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const tokenOf = (login: string) => signIn(api, login, TEST_PASSWORD);
  const as = (token: string) => asUser(api, token);
  const auditOf = (entityId: string) => db.getRepository(AuditEntry).find({ where: { entityId }, order: { at: 'ASC' } });

  it('lets an admin create, read, update and delete a site, audited', async () => {
    const anySite = await f.site();
    const admin = as(await tokenOf((await f.staff([anySite], 'admin')).login));
    const created = await admin.post('/sites', { name: 'Pine Court', code: 'pine-court', timezone: 'Asia/Shanghai' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Pine Court', code: 'pine-court', timezone: 'Asia/Shanghai', address: null });
    const id = created.body.id as string;

    expect((await admin.post('/sites', { name: 'Again', code: 'pine-court' })).body).toMatchObject({ statusCode: 409, code: 'SITE_CODE_TAKEN' });
    expect((await admin.patch(`/sites/${id}`, { address: '9 Pine Road' })).body).toMatchObject({ id, address: '9 Pine Road' });
    expect((await admin.get(`/sites/${id}`)).body.address).toBe('9 Pine Road');
    expect((await admin.del(`/sites/${id}`)).status).toBe(204);
    expect((await admin.get(`/sites/${id}`)).status).toBe(404);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['site.create', 'site.update', 'site.delete']);
  });

  it('answers bad site, building and unit bodies with 400s naming every bad field, unknown fields included', async () => {
    const site = await f.site();
    const admin = as(await tokenOf((await f.staff([site], 'admin')).login));
    const badSite = await admin.post('/sites', { name: '', code: 'Has Spaces', timezone: 'Mars/Olympus', color: 'red' });
    expect(badSite.status).toBe(400);
    expect(fieldsOf(badSite.body)).toEqual(expect.arrayContaining(['name', 'code', 'timezone', 'color']));

    const badBuilding = await admin.post(`/sites/${site.id}/buildings`, { code: 'B 1', floors: 0 });
    expect(badBuilding.status).toBe(400);
    expect(fieldsOf(badBuilding.body)).toEqual(expect.arrayContaining(['name', 'code', 'floors']));

    const b = await f.building(site);
    const badUnit = await admin.post(`/buildings/${b.id}/units`, { number: 7, floor: 'x' });
    expect(fieldsOf(badUnit.body)).toEqual(expect.arrayContaining(['number', 'floor']));
    const badId = await admin.get('/buildings/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toEqual(['id']);
  });

  it('runs buildings and units through create, list, update and delete for a manager; staff may only read', async () => {
    const site = await f.site();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const tech = as(await tokenOf((await f.staff([site], 'technician')).login));

    const b = await manager.post(`/sites/${site.id}/buildings`, { name: 'Tower A', code: 'TA', floors: 30 });
    expect(b.status).toBe(201);
    expect((await manager.post(`/sites/${site.id}/buildings`, { name: 'Dup', code: 'TA' })).body.code).toBe('BUILDING_CODE_TAKEN');
    const u1 = await manager.post(`/buildings/${b.body.id}/units`, { number: '1201', floor: 12 });
    const u2 = await manager.post(`/buildings/${b.body.id}/units`, { number: '1202', floor: 12 });
    expect(u1.status).toBe(201);
    expect(u1.body).toMatchObject({ siteId: site.id, buildingId: b.body.id, number: '1201', floor: 12 });
    expect((await manager.post(`/buildings/${b.body.id}/units`, { number: '1201' })).status).toBe(409);

    const list = await tech.get(`/buildings/${b.body.id}/units`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [expect.objectContaining({ number: '1201' }), expect.objectContaining({ number: '1202' })], nextCursor: null });
    expect((await tech.get(`/sites/${site.id}/buildings`)).body.items.map((x: { code: string }) => x.code)).toEqual(['TA']);
    expect((await tech.post(`/buildings/${b.body.id}/units`, { number: '1203' })).status).toBe(403);
    expect((await tech.patch(`/units/${u1.body.id}`, { floor: 3 })).status).toBe(403);

    expect((await manager.patch(`/units/${u2.body.id}`, { number: '1299' })).body.number).toBe('1299');
    expect((await manager.patch(`/buildings/${b.body.id}`, { name: 'Tower Alpha' })).body.name).toBe('Tower Alpha');
    // A building with units cannot go; a unit with history cannot go; an empty one can.
    expect((await manager.del(`/buildings/${b.body.id}`)).body.code).toBe('BUILDING_NOT_EMPTY');
    await f.resident(await db.getRepository(Unit).findOneByOrFail({ id: u1.body.id }));
    expect((await manager.del(`/units/${u1.body.id}`)).body.code).toBe('UNIT_IN_USE');
    expect((await manager.del(`/units/${u2.body.id}`)).status).toBe(204);
    expect((await auditOf(b.body.id)).map((a) => a.action)).toEqual(['building.create', 'building.update']);
    expect((await auditOf(u2.body.id)).map((a) => a.action)).toEqual(['unit.create', 'unit.update', 'unit.delete']);
  });

  it('forbids a resident to create a building (403) or list the directory', async () => {
    const { site, a } = await f.twoHouseholds();
    const resident = as(await tokenOf(a.login));
    const res = await resident.post(`/sites/${site.id}/buildings`, { name: 'Mine', code: 'MINE' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect((await resident.get('/residents')).status).toBe(403);
    expect((await resident.get('/staff')).status).toBe(403);
    expect((await resident.get(`/sites/${site.id}`)).status).toBe(403);
  });

  it("hides another site's records from staff and managers: 404 on read and write, absent from lists", async () => {
    const mine = await f.site();
    const theirs = await f.site();
    const theirBuilding = await f.building(theirs);
    const theirUnit = await f.unit(theirBuilding);
    const { resident: theirResident } = await f.resident(theirUnit);
    const { staff: theirTech } = await f.staff([theirs], 'technician');
    const manager = as(await tokenOf((await f.staff([mine], 'manager')).login));

    expect((await manager.get(`/sites/${theirs.id}`)).status).toBe(404);
    expect((await manager.get(`/buildings/${theirBuilding.id}`)).status).toBe(404);
    expect((await manager.get(`/units/${theirUnit.id}`)).status).toBe(404);
    expect((await manager.get(`/residents/${theirResident.id}`)).status).toBe(404);
    expect((await manager.get(`/staff/${theirTech.id}`)).status).toBe(404);
    expect((await manager.get(`/sites/${theirs.id}/buildings`)).status).toBe(404);
    expect((await manager.patch(`/buildings/${theirBuilding.id}`, { name: 'x' })).status).toBe(404);
    expect((await manager.post(`/sites/${theirs.id}/buildings`, { name: 'x', code: 'X1' })).status).toBe(404);
    expect((await manager.del(`/units/${theirUnit.id}`)).status).toBe(404);
    expect((await manager.put(`/staff/${theirTech.id}/shift`, { onShift: false })).status).toBe(404);

    const sites = await manager.get('/sites');
    expect(sites.body.items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect((await manager.get(`/residents?siteId=${theirs.id}`)).body.items).toEqual([]);
    expect((await manager.get('/residents')).body.items.map((r: { id: string }) => r.id)).not.toContain(theirResident.id);
    expect((await manager.get('/staff')).body.items.map((s: { id: string }) => s.id)).not.toContain(theirTech.id);
    // Nothing was changed by the refused writes.
    expect((await db.getRepository(Building).findOneByOrFail({ id: theirBuilding.id })).name).toBe(theirBuilding.name);
  });

  it('manages staff: a manager adds a technician who can then sign in, filters by skill and shift', async () => {
    const site = await f.site();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const created = await manager.post('/staff', {
      fullName: 'Zhao Gang',
      email: 'Zhao.Gang@Example.com',
      position: 'technician',
      skills: ['plumbing', 'elevator'],
      siteIds: [site.id],
      onShift: true,
      password: 'zhao-password-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fullName: 'Zhao Gang', email: 'zhao.gang@example.com', position: 'technician', skills: ['plumbing', 'elevator'], onShift: true, account: { role: 'staff', disabled: false, passwordSet: true } });
    const login = await api.http.post('/api/v1/auth/login').send({ login: 'zhao.gang@example.com', password: 'zhao-password-1' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'staff', staffId: created.body.id, siteIds: [site.id] });

    expect((await manager.post('/staff', { fullName: 'Dup', email: 'zhao.gang@example.com', position: 'technician', skills: [], siteIds: [site.id] })).body).toMatchObject({
      statusCode: 409,
      code: 'EMAIL_TAKEN',
    });
    const bad = await manager.post('/staff', { fullName: 'X', position: 'janitor', skills: ['juggling'], siteIds: ['nope'] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['position', 'skills', 'siteIds']));

    const plumbers = await manager.get(`/staff?siteId=${site.id}&skill=plumbing&onShift=true`);
    expect(plumbers.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    expect((await manager.get(`/staff?siteId=${site.id}&skill=plumbing&onShift=false`)).body.items).toEqual([]);
    expect((await manager.get('/staff?onShift=maybe')).status).toBe(400);

    const edited = await manager.patch(`/staff/${created.body.id}`, { skills: ['electrical'], phone: '+86 137 1111 2222' });
    expect(edited.body).toMatchObject({ skills: ['electrical'], phone: '+8613711112222' });
    expect((await auditOf(created.body.id)).map((a) => a.action)).toEqual(['staff.create', 'staff.update']);
  });

  it('stops managers from creating admins or staff of other sites; admins may', async () => {
    const site = await f.site();
    const other = await f.site();
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));
    const admin = as(await tokenOf((await f.staff([site], 'admin')).login));
    const body = (p: object) => ({ fullName: 'New Person', email: `p${Math.random().toString(36).slice(2, 8)}@example.com`, skills: [], ...p });
    expect((await manager.post('/staff', body({ position: 'admin', siteIds: [site.id] }))).status).toBe(403);
    expect((await manager.post('/staff', body({ position: 'technician', siteIds: [other.id] }))).status).toBe(403);
    expect((await manager.post('/staff', body({ position: 'manager', siteIds: [site.id] }))).status).toBe(201);
    const a = await admin.post('/staff', body({ position: 'admin', siteIds: [other.id] }));
    expect(a.status).toBe(201);
    expect(a.body.account.role).toBe('admin');
    expect((await manager.patch(`/staff/${a.body.id}`, { fullName: 'Renamed' })).status).toBe(404);
  });

  it('lets a technician set their own shift only; deactivating staff disables their login', async () => {
    const site = await f.site();
    const me = await f.staff([site], 'technician');
    const colleague = await f.staff([site], 'technician');
    const tech = as(await tokenOf(me.login));
    const manager = as(await tokenOf((await f.staff([site], 'manager')).login));

    const off = await tech.put(`/staff/${me.staff.id}/shift`, { onShift: false });
    expect(off.status).toBe(200);
    expect(off.body.onShift).toBe(false);
    expect((await tech.put(`/staff/${colleague.staff.id}/shift`, { onShift: false })).status).toBe(403);
    expect((await tech.put(`/staff/${me.staff.id}/shift`, { onShift: 'yes' })).status).toBe(400);
    expect((await manager.put(`/staff/${colleague.staff.id}/shift`, { onShift: false })).body.onShift).toBe(false);
    expect((await tech.patch(`/staff/${me.staff.id}`, { skills: ['security'] })).status).toBe(403);

    const deactivated = await manager.patch(`/staff/${colleague.staff.id}`, { active: false });
    expect(deactivated.body).toMatchObject({ active: false, account: { disabled: true } });
    expect((await api.http.post('/api/v1/auth/login').send({ login: colleague.login, password: TEST_PASSWORD })).status).toBe(401);
  });

  it('pages sites with a cursor, capped at 200 per page', async () => {
    const admin = as(await tokenOf((await f.staff([await f.site()], 'admin')).login));
    for (let i = 0; i < 4; i++) await f.site();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await admin.get(`/sites?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((s) => s.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = await db.getRepository(Site).count();
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect((await admin.get('/sites?limit=201')).status).toBe(400);
    expect((await admin.get('/sites?cursor=garbage')).body).toMatchObject({ statusCode: 400, details: [{ field: 'cursor' }] });
  });

  it('documents the directory in the OpenAPI document, bearer-protected', async () => {
    const doc = await api.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
    for (const p of ['/api/v1/sites', '/api/v1/sites/{siteId}/buildings', '/api/v1/buildings/{id}/units', '/api/v1/residents', '/api/v1/residents/{id}/move-out', '/api/v1/sites/{siteId}/residents/import', '/api/v1/staff/{id}/shift', '/api/v1/me/household']) {
      expect(Object.keys(paths)).toContain(p);
    }
    expect(paths['/api/v1/residents'].post.security).toEqual([{ bearer: [] }]);
    expect(paths['/api/v1/residents'].post.tags).toEqual(['directory']);
    expect(Object.keys(doc.body.paths['/api/v1/sites/{siteId}/residents/import'].post.requestBody.content)).toEqual(['text/csv', 'multipart/form-data']);
  });
});
