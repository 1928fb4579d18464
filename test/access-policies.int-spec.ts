// Site access policies and holidays against the real Postgres, Redis and Mosquitto, with two api
// instances sharing the gates' traffic: staff switch defaults off, add custom policies, set holidays,
// and the next scan at a real (test) gate is decided by the new rules whichever instance takes it.
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AccessState } from '@app/access/state/access-state.service';
import { asUser, createTestEnv, Factories, fieldsOf, signIn, startTestApi, TEST_PASSWORD, TestApi, TestEnv, waitFor } from '@app/testing';
import { buildWorld, connectGate, TestGate, World } from './access-world';

jest.setTimeout(60_000);

describe('site access policies and holidays', () => {
  let env: TestEnv;
  let a: TestApi;
  let b: TestApi;
  let db: DataSource;
  let w: World;
  let north: TestGate;
  let cleanerToken: string;
  let today: DateTime;

  beforeAll(async () => {
    env = await createTestEnv('accesspol');
    a = await startTestApi(env, { INSTANCE_ID: 'access-pol-a', MQTT_INGEST_CONSUMERS: '2', QR_MAX_PER_ACCOUNT: '100' });
    b = await startTestApi(env, { INSTANCE_ID: 'access-pol-b', MQTT_INGEST_CONSUMERS: '2', QR_MAX_PER_ACCOUNT: '100' });
    db = a.app.get(DataSource);
    w = await buildWorld(a, db);
    const cleaner = await new Factories(db).staff([w.site], 'technician', {}, ['cleaning']);
    cleanerToken = await signIn(a, cleaner.login, TEST_PASSWORD);
    north = await connectGate(env, w.perimeter[0]);
    today = DateTime.now().setZone(w.site.timezone);
    await new Promise((r) => setTimeout(r, 300)); // ingestion subscriptions in place
  });
  afterAll(async () => {
    await north?.close();
    await b?.app.close();
    await a?.close();
    await env?.drop();
  });

  const policyUrl = (id = '') => `/sites/${w.site.id}/access-policies${id ? `/${encodeURIComponent(id)}` : ''}`;
  const defaultId = (suffix: string) => `default:${w.site.id}:${suffix}`;
  /** Both instances decide by the same policies before the next scan (b hears of the change by pub/sub). */
  const settled = async () => {
    const key = (api: TestApi) => JSON.stringify(api.app.get(AccessState).policies(w.site.id));
    await waitFor(async () => key(b) === key(a), (same) => same, 3000, 20);
  };
  const scan = async (token: string) => {
    const code = (await asUser(a, token).get('/me/qr')).body.token as string;
    const id = await north.qr(code);
    return north.answerTo(id);
  };

  it('a default switched off and a custom policy added change the next decision at the gate, on every instance', async () => {
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.open', data: { personId: w.a.id } });

    const off = await asUser(a, w.manager).patch(policyUrl(defaultId('residents:perimeter')), { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ source: 'default', enabled: false, groupId: 'residents' });
    await settled();
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });

    // A custom policy for residents at the north gate, open tomorrow only: listed, but closed now.
    const tomorrow = (today.weekday % 7) + 1;
    const created = await asUser(a, w.manager).post(policyUrl(), { groupId: 'residents', gateIds: [north.id], windows: [{ days: [tomorrow], from: '00:00', to: '24:00' }], label: 'Residents: north gate tomorrow' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: 'custom', enabled: true, followsHolidays: false, windows: [{ days: [tomorrow], from: '00:00', to: '24:00' }] });
    await settled();
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.deny', data: { reason: 'outside_schedule' } });

    const always = await asUser(a, w.manager).patch(policyUrl(created.body.id), { windows: null });
    expect(always.body).toMatchObject({ windows: null, label: 'Residents: north gate tomorrow' });
    await settled();
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.open' });

    expect((await asUser(a, w.manager).del(policyUrl(created.body.id))).status).toBe(204);
    await settled();
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
    expect((await asUser(a, w.manager).patch(policyUrl(defaultId('residents:perimeter')), { enabled: true })).body.enabled).toBe(true);
    await settled();
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.open' });

    const audit = await db.query(`SELECT action, "entityId" FROM audit_log WHERE "siteId" = $1 AND action LIKE 'access_policy.%' ORDER BY at`, [w.site.id]);
    expect(audit.map((x: { action: string }) => x.action)).toEqual(['access_policy.update', 'access_policy.create', 'access_policy.update', 'access_policy.delete', 'access_policy.update']);
  });

  it('a site holiday closes a cleaning-staff schedule that follows holidays; a partial day opens only its window', async () => {
    // Today is a working day for this policy whatever the weekday the test runs on.
    expect((await asUser(a, w.manager).patch(policyUrl(defaultId('staff:cleaning')), { enabled: false })).status).toBe(200);
    const created = await asUser(a, w.manager).post(policyUrl(), { groupId: 'staff:cleaning', gateIds: w.perimeter, windows: null, followsHolidays: true, label: 'Cleaning: every day, not on holidays' });
    expect(created.status).toBe(201);
    await settled();
    expect(await scan(cleanerToken)).toMatchObject({ type: 'gate.open' });

    const date = today.toISODate()!;
    const closed = await asUser(a, w.manager).put(`/sites/${w.site.id}/holidays`, { holidays: [{ date, name: 'Community day' }] });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ siteId: w.site.id, timeZone: w.site.timezone, holidays: [{ date, name: 'Community day' }] });
    await settled();
    expect(await scan(cleanerToken)).toMatchObject({ type: 'gate.deny', data: { reason: 'outside_schedule' } });
    // Residents pass on holidays.
    expect(await scan(w.a.token)).toMatchObject({ type: 'gate.open' });

    const hour = today.hour;
    const around = { from: `${String(hour).padStart(2, '0')}:00`, to: hour === 23 ? '24:00' : `${String(hour + 1).padStart(2, '0')}:00` };
    await asUser(a, w.manager).put(`/sites/${w.site.id}/holidays`, { holidays: [{ date, name: 'Half day', windows: [around] }] }).expect(200);
    await settled();
    expect(await scan(cleanerToken)).toMatchObject({ type: 'gate.open' });

    expect((await asUser(a, w.technician).get(`/sites/${w.site.id}/holidays`)).body.holidays).toEqual([{ date, name: 'Half day', windows: [around] }]);
    await asUser(a, w.manager).put(`/sites/${w.site.id}/holidays`, { holidays: [] }).expect(200);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE "entityId" = $1 AND action = 'site.holidays_update'`, [w.site.id]);
    expect(audit[0].n).toBe(3);
  });

  it('lists the defaults with their state and the custom policies', async () => {
    const list = await asUser(a, w.technician).get(policyUrl());
    expect(list.status).toBe(200);
    const byId = new Map(list.body.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(defaultId('staff:cleaning'))).toMatchObject({ source: 'default', enabled: false, followsHolidays: true, windows: [{ days: [1, 2, 3, 4, 5], from: '06:00', to: '20:00' }] });
    expect(byId.get(defaultId('residents:perimeter'))).toMatchObject({ enabled: true, windows: null });
    expect(list.body.filter((p: { source: string }) => p.source === 'custom')).toHaveLength(1);
    expect((await asUser(a, w.technician).get(policyUrl(defaultId('staff')))).body).toMatchObject({ groupId: 'staff', enabled: true });
  });

  it('refuses bad input with 400s naming each field', async () => {
    const bad = await asUser(a, w.manager).post(policyUrl(), { groupId: 'gardeners', gateIds: ['gate-nowhere'], windows: [{ days: [1], from: '6:00', to: '20:00' }], label: 'x' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['groupId', 'gateIds.0', 'windows.0.from']);
    const shape = await asUser(a, w.manager).post(policyUrl(), { groupId: 'staff', gateIds: [], windows: [{ days: [9], from: '06:00', to: '20:00' }] });
    expect(shape.status).toBe(400);
    expect([...new Set(fieldsOf(shape.body))].sort()).toEqual(['gateIds', 'label', 'windows.0.days'].sort());
    const otherSiteBuilding = await asUser(a, w.manager).post(policyUrl(), { groupId: 'residents:00000000-0000-0000-0000-000000000000', gateIds: [north.id], label: 'x' });
    expect(fieldsOf(otherSiteBuilding.body)).toEqual(['groupId']);
    const ok = await asUser(a, w.manager).post(policyUrl(), { groupId: `residents:${w.building.id}`, gateIds: [north.id], label: 'Building residents: north gate' });
    expect(ok.status).toBe(201);

    const defaultEdit = await asUser(a, w.manager).patch(policyUrl(defaultId('staff')), { label: 'Mine now' });
    expect(defaultEdit.status).toBe(400);
    expect(fieldsOf(defaultEdit.body)).toEqual(['label']);
    expect((await asUser(a, w.manager).del(policyUrl(defaultId('staff')))).status).toBe(409);
    expect((await asUser(a, w.manager).patch(policyUrl(defaultId('nonsense')), { enabled: false })).status).toBe(404);

    const holidays = await asUser(a, w.manager).put(`/sites/${w.site.id}/holidays`, { holidays: [{ date: '2026-02-30' }, { date: '2026-10-01' }, { date: '2026-10-01', windows: [{ from: '09:00', to: '9pm' }] }] });
    expect(holidays.status).toBe(400);
    expect(fieldsOf(holidays.body)).toEqual(['holidays.0.date', 'holidays.2.date', 'holidays.2.windows.0.to']);
  });

  it('lets managers of the site manage, staff read, and nobody else in', async () => {
    const body = { groupId: 'staff', gateIds: [north.id], label: 'x' };
    expect((await asUser(a, w.technician).post(policyUrl(), body)).status).toBe(403);
    expect((await asUser(a, w.technician).put(`/sites/${w.site.id}/holidays`, { holidays: [] })).status).toBe(403);
    expect((await asUser(a, w.a.token).get(policyUrl())).status).toBe(403);
    expect((await asUser(a, w.otherSiteManager).get(policyUrl())).status).toBe(404);
    expect((await asUser(a, w.otherSiteManager).post(policyUrl(), body)).status).toBe(404);
    expect((await asUser(a, w.otherSiteManager).get(`/sites/${w.site.id}/holidays`)).status).toBe(404);
    expect((await asUser(a, w.admin).get(policyUrl())).status).toBe(200);
  });
});
