// Each gate's offline face library holds only the people that gate admits around the clock, against
// the real Postgres, Redis and Mosquitto with simulated gates: building doors hold their building's
// residents, the perimeter gate everyone; libraries converge when policies change, a gate changes zone or a resident
// moves to another building; and a door cut off from the network admits its own resident and turns
// away the other building's, both decisions landing in the access log as `access.face_local`.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { templateBytes } from '@app/access';
import { AccessState } from '@app/access/state/access-state.service';
import { encodeEmbedding, trueFace } from '@app/contracts/embedding';
import type { Building, Site, Unit } from '@app/community';
import type { DeviceCommand } from '@app/contracts';
import { SimGate } from '@app/devices-sim';
import { asUser, createTestEnv, Factories, signIn, startTestApi, TEST_PASSWORD, TestApi, TestEnv, waitFor } from '@app/testing';
import { consent, MQTT_URL } from './access-world';

jest.setTimeout(90_000);
const FACES = 'offline-scope';

describe('offline face libraries scoped to who each gate admits', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;
  let site: Site;
  let b1: Building;
  let b2: Building;
  let unit1b: Unit;
  let manager: string;
  let r1: string;
  let r2: string;
  let door1: SimGate;
  let door2: SimGate;
  let perimeter: SimGate;
  let admin: string;

  beforeAll(async () => {
    env = await createTestEnv('accessoffscope');
    api = await startTestApi(env, { INSTANCE_ID: 'access-offline-scope' });
    db = api.app.get(DataSource);
    const f = new Factories(db);
    site = await f.site();
    [b1, b2] = [await f.building(site), await f.building(site)];
    unit1b = await f.unit(b1);
    r1 = (await f.resident(await f.unit(b1))).resident.id;
    r2 = (await f.resident(await f.unit(b2))).resident.id;
    manager = await signIn(api, (await f.staff([site], 'manager')).login, TEST_PASSWORD);
    admin = await signIn(api, (await f.staff([site], 'admin')).login, TEST_PASSWORD);
    for (const id of [r1, r2]) {
      const res = await asUser(api, manager).post(`/residents/${id}/face`, { embedding: encodeEmbedding(trueFace(FACES, id)), consent });
      expect(res.status).toBe(200);
    }
    const gate = async (name: string, buildingId?: string) => {
      const d = await asUser(api, admin).post('/devices', { kind: 'gate', siteId: site.id, name, ...(buildingId ? { buildingId } : {}) });
      expect(d.status).toBe(201);
      return new SimGate({ deviceId: d.body.id, password: d.body.credentials.password, mqttUrl: MQTT_URL, topicRoot: env.topicRoot, faceSeed: FACES, reconnectDelayMs: 200 });
    };
    [door1, door2, perimeter] = [await gate('Door of building 1', b1.id), await gate('Door of building 2', b2.id), await gate('Main gate')];
    for (const g of [door1, door2, perimeter]) g.start();
    await Promise.all([door1, door2, perimeter].map((g) => g.waitOnline()));
  });
  afterAll(async () => {
    await Promise.all([door1, door2, perimeter].filter(Boolean).map((g) => g.stop()));
    await api?.close();
    await env?.drop();
  });

  const policyUrl = (id = '') => `/sites/${site.id}/access-policies${id ? `/${encodeURIComponent(id)}` : ''}`;
  const defaultId = (suffix: string) => `default:${site.id}:${suffix}`;
  const held = (g: SimGate) => g.faceLibrary.personIds().sort();
  const latest = async (): Promise<number> => (await db.query(`SELECT max(version)::int AS v FROM facelib_changes WHERE "siteId" = $1`, [site.id]))[0].v;
  /**
   * What each gate holds once all of them hold the site's newest library version (nothing left in
   * flight); with `above`, once the site's library has moved past that version first.
   */
  async function converged(above = 0): Promise<{ door1: string[]; door2: string[]; perimeter: string[] }> {
    const target = await waitFor(latest, (v) => v > above, 10_000, 50);
    await waitFor(async () => [door1, door2, perimeter].every((g) => g.faceLibrary.version === target), (ok) => ok, 10_000, 50);
    expect([door1, door2, perimeter].map((g) => g.faceLibrary.version)).toEqual([target, target, target]);
    return { door1: held(door1), door2: held(door2), perimeter: held(perimeter) };
  }

  it("gives each building door its own residents only, and the perimeter gate everyone's", async () => {
    expect(await converged()).toEqual({ door1: [r1], door2: [r2], perimeter: [r1, r2].sort() });
  });

  it('converges when a default is switched off, a custom policy added (around the clock or not), and back', async () => {
    const off = await asUser(api, manager).patch(policyUrl(defaultId(`residents:${b1.id}`)), { enabled: false });
    expect(off.status).toBe(200);
    expect(await converged()).toEqual({ door1: [], door2: [r2], perimeter: [r1, r2].sort() });

    // Building 2's residents through door 1 at any hour: door 1 holds them.
    const allDay = await asUser(api, manager).post(policyUrl(), { groupId: `residents:${b2.id}`, gateIds: [door1.deviceId], windows: null, label: 'B2 via door 1' });
    expect(allDay.status).toBe(201);
    expect(await converged()).toEqual({ door1: [r2], door2: [r2], perimeter: [r1, r2].sort() });

    // Building 1's residents back through their door in the daytime only: an offline door cannot keep time, so not held.
    const days = await asUser(api, manager).post(policyUrl(), { groupId: `residents:${b1.id}`, gateIds: [door1.deviceId], windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '06:00', to: '22:00' }], label: 'B1 daytime' });
    expect(days.status).toBe(201);
    expect(await converged()).toEqual({ door1: [r2], door2: [r2], perimeter: [r1, r2].sort() });

    expect((await asUser(api, manager).patch(policyUrl(defaultId(`residents:${b1.id}`)), { enabled: true })).status).toBe(200);
    expect((await asUser(api, manager).del(policyUrl(allDay.body.id))).status).toBe(204);
    expect((await asUser(api, manager).del(policyUrl(days.body.id))).status).toBe(204);
    expect(await converged()).toEqual({ door1: [r1], door2: [r2], perimeter: [r1, r2].sort() });
  });

  it("an offline door admits its own resident and turns the other building's away, and both decisions reach the log", async () => {
    door1.dropFor(3000);
    await waitFor(async () => door1.status, (s) => s !== 'online', 3000, 20);
    const own = door1.presentFace({ personKey: r1 });
    const other = door1.presentFace({ personKey: r2 });
    expect(door1.localDecisions.slice(-2)).toMatchObject([
      { decision: 'granted', personId: r1, reason: 'offline' },
      { decision: 'denied', reason: 'unknown_face' },
    ]);
    const rows = await waitFor(
      (): Promise<{ eventId: string; type: string; outcome: Record<string, unknown> }[]> =>
        db.query(`SELECT "eventId", type, outcome FROM device_events WHERE "deviceId" = $1 AND "eventId" = ANY($2::uuid[])`, [door1.deviceId, [own, other]]),
      (r) => r.length === 2,
      15_000,
    );
    const byEvent = new Map(rows.map((r) => [r.eventId, r]));
    expect(byEvent.get(own)).toMatchObject({ type: 'access.face_local', outcome: { method: 'face_local', result: 'granted', reason: 'offline', personId: r1 } });
    expect(byEvent.get(other)).toMatchObject({ type: 'access.face_local', outcome: { method: 'face_local', result: 'denied', reason: 'unknown_face', personId: null } });
    const log = await asUser(api, manager).get(`/access/events?method=face_local&gateId=${door1.deviceId}`);
    expect(log.body.items.map((e: { id: string }) => e.id).sort()).toEqual([own, other].sort());
  });

  it("rescopes a gate whose zone changes: building 2's door made an amenity (scheduled for residents) holds nobody", async () => {
    const settings = `/gates/${door2.deviceId}/access-settings`;
    expect((await asUser(api, admin).patch(settings, { zone: 'amenity' })).status).toBe(200);
    expect(await converged()).toEqual({ door1: [r1], door2: [], perimeter: [r1, r2].sort() });
    expect((await asUser(api, admin).patch(settings, { zone: 'building' })).status).toBe(200);
    expect(await converged()).toEqual({ door1: [r1], door2: [r2], perimeter: [r1, r2].sort() });
  });

  it('moves a resident between the doors when they move to the other building', async () => {
    await door1.waitOnline();
    const before = await latest();
    expect((await asUser(api, manager).post(`/residents/${r2}/memberships`, { unitId: unit1b.id, relation: 'tenant' })).status).toBe(201);
    const [old] = (await db.query(`SELECT "unitId" FROM unit_memberships WHERE "residentId" = $1 AND active AND "unitId" <> $2`, [r2, unit1b.id])) as { unitId: string }[];
    expect((await asUser(api, manager).del(`/residents/${r2}/memberships/${old.unitId}`)).status).toBe(200);
    // At once, not at the access state's next periodic refresh (30 s): the directory's event reloads the person.
    const groups = await waitFor(async () => api.app.get(AccessState).person(r2)?.person.groupIds ?? [], (g) => g.some((id) => id.includes(b1.id)) && !g.some((id) => id.includes(b2.id)), 2000, 10);
    expect(groups.some((id) => id.includes(b1.id))).toBe(true);
    expect(await converged(before)).toEqual({ door1: [r1, r2].sort(), door2: [], perimeter: [r1, r2].sort() });
  });

  it("sends a new door its full library in chunks that leave out the other building's residents", async () => {
    // 60 enrolled residents in each building, written directly (enrolling them over HTTP is not the point).
    const enrolDirectly = async (building: Building, n: number): Promise<string[]> => {
      const unit = await new Factories(db).unit(building);
      const ids = Array.from({ length: n }, () => randomUUID());
      await db.query(`INSERT INTO residents (id, "siteId", "fullName") SELECT id, $2, 'Resident ' || id FROM unnest($1::uuid[]) AS id`, [ids, site.id]);
      await db.query(`INSERT INTO unit_memberships ("residentId", "unitId", relation) SELECT id, $2, 'owner' FROM unnest($1::uuid[]) AS id`, [ids, unit.id]);
      const templates = ids.map((id) => templateBytes(trueFace(FACES, id)));
      await db.query(`INSERT INTO face_templates ("residentId", "siteId", dim, template, "enrolledAt") SELECT id, $2, 512, t, now() FROM unnest($1::uuid[], $3::bytea[]) AS x(id, t)`, [ids, site.id, templates]);
      await db.query(`INSERT INTO facelib_changes ("siteId", "residentId", op) SELECT $2, id, 'upsert' FROM unnest($1::uuid[]) AS id`, [ids, site.id]);
      return ids;
    };
    const inB1 = await enrolDirectly(b1, 60);
    const inB2 = await enrolDirectly(b2, 60);
    const d = await asUser(api, admin).post('/devices', { kind: 'gate', siteId: site.id, name: 'Second door of building 1', buildingId: b1.id });
    const door = new SimGate({ deviceId: d.body.id, password: d.body.credentials.password, mqttUrl: MQTT_URL, topicRoot: env.topicRoot, faceSeed: FACES, reconnectDelayMs: 200 });
    const chunks: DeviceCommand<'facelib.sync'>['data'][] = [];
    door.on('command', ({ command }) => {
      if (command.type === 'facelib.sync') chunks.push((command as DeviceCommand<'facelib.sync'>).data);
    });
    try {
      door.start();
      const target = await latest();
      await waitFor(async () => door.faceLibrary.version, (v) => v === target, 15_000, 50);
      const expected = [r1, r2, ...inB1].sort(); // r2 moved to building 1 above
      expect(held(door)).toEqual(expected);
      expect(held(door).some((id) => inB2.includes(id))).toBe(false);
      // 62 of the site's 122 faces, 22 at most per 64 KiB message: chunks in order, the last one says so.
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      expect(chunks.every((c) => c.full && c.chunk && c.upserts.length <= 22 && Buffer.byteLength(JSON.stringify(c)) < 64 * 1024)).toBe(true);
      expect(chunks.map((c) => c.chunk!.index)).toEqual(chunks.map((_, i) => i));
      expect(chunks.at(-1)!.chunk!.count).toBe(chunks.length);
      expect(chunks.flatMap((c) => c.upserts.map((u) => u.personId)).sort()).toEqual(expected);
    } finally {
      await door.stop();
    }
  });
});
