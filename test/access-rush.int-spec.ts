// The simulator's gates against the real api: a short morning rush (faces, strangers, spoofs, codes,
// alarms) is answered in full, and a gate that loses its connection decides from its synced face
// library and reports `access.face_local` afterwards, which lands in the same access log.
import { DataSource } from 'typeorm';
import { encodeEmbedding, trueFace } from '@app/contracts/embedding';
import { SimGate } from '@app/devices-sim';
import { asUser, createTestEnv, Factories, signIn, startTestApi, TEST_PASSWORD, TestApi, TestEnv, waitFor } from '@app/testing';
import { runMorningRush } from '../devices-sim/src/scenarios/morning-rush';
import { MQTT_URL } from './access-world';

jest.setTimeout(90_000);
const FACES = 'rush-int';

describe('the morning rush at simulated gates', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;
  let gates: SimGate[] = [];
  let residents: string[] = [];
  let staffToken: string;

  beforeAll(async () => {
    env = await createTestEnv('accessrush');
    api = await startTestApi(env, { INSTANCE_ID: 'access-rush' });
    db = api.app.get(DataSource);
    const f = new Factories(db);
    const site = await f.site();
    const building = await f.building(site);
    for (let i = 0; i < 12; i++) residents.push((await f.resident(await f.unit(building))).resident.id);
    staffToken = await signIn(api, (await f.staff([site], 'manager')).login, TEST_PASSWORD);
    const adminToken = await signIn(api, (await f.staff([site], 'admin')).login, TEST_PASSWORD);
    for (const id of residents) {
      const res = await asUser(api, staffToken).post(`/residents/${id}/face`, { embedding: encodeEmbedding(trueFace(FACES, id)), consent: { given: true, noticeVersion: 'n1', channel: 'console' } });
      expect(res.status).toBe(200);
    }
    for (let i = 0; i < 3; i++) {
      const d = await asUser(api, adminToken).post('/devices', { kind: 'gate', siteId: site.id, name: `Rush gate ${i}` });
      gates.push(new SimGate({ deviceId: d.body.id, password: d.body.credentials.password, mqttUrl: MQTT_URL, topicRoot: env.topicRoot, faceSeed: FACES, seed: i, reconnectDelayMs: 200 }));
    }
    gates.forEach((g) => g.start());
    await Promise.all(gates.map((g) => g.waitOnline()));
    // Each gate gets the site's library when it comes online.
    await waitFor(async () => gates.every((g) => g.faceLibrary.size === residents.length), (ok) => ok, 10_000);
  });
  afterAll(async () => {
    await Promise.all(gates.map((g) => g.stop()));
    await api?.close();
    await env?.drop();
  });

  it('answers every scan of a rush and reports the latencies the gates saw', async () => {
    const report = await runMorningRush({ gates, personKeys: residents, seconds: 6, peakPerSecond: 12, seed: 7, mix: { qr: 0 } });
    expect(report.arrivals).toBeGreaterThan(10);
    expect(report.unanswered).toBe(0);
    expect(report.answered).toBe(report.byKind.face + report.byKind.impostor + report.byKind.spoof);
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(report.latencyMs.p99).toBeLessThan(1000);
  });

  it('decides offline from the synced library and reports it afterwards into the access log', async () => {
    const gate = gates[0];
    gate.dropFor(1500);
    await waitFor(async () => gate.status, (s) => s !== 'online', 3000, 20);
    const eventId = gate.presentFace({ personKey: residents[3] });
    expect(gate.localDecisions.at(-1)).toMatchObject({ decision: 'granted', personId: residents[3], reason: 'offline' });
    expect(gate.door.door).toBe('open');
    const rows = await waitFor(
      (): Promise<{ type: string; outcome: Record<string, unknown> }[]> => db.query(`SELECT type, outcome FROM device_events WHERE "deviceId" = $1 AND "eventId" = $2`, [gate.deviceId, eventId]),
      (r) => r.length === 1,
      15_000,
    );
    expect(rows[0]).toMatchObject({ type: 'access.face_local', outcome: { method: 'face_local', result: 'granted', reason: 'offline', personId: residents[3], personKind: 'resident' } });
    const log = await asUser(api, staffToken).get(`/access/events?method=face_local&gateId=${gate.deviceId}`);
    expect(log.body.items.map((e: { id: string }) => e.id)).toContain(eventId);
  });
});
