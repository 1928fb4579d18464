// Two api instances sharing device traffic: the in-memory access state stays in step through Redis
// pub/sub (enrol, withdraw, lockdown), gates' offline libraries follow by facelib.sync, and
// decisions are pushed live to the household and staff rooms whichever instance decided.
import { DataSource } from 'typeorm';
import { AccessState } from '@app/access/state/access-state.service';
import type { DeviceCommand } from '@app/contracts';
import { SimGate } from '@app/devices-sim';
import { asUser, createTestEnv, startTestApi, TestApi, TestEnv, waitFor } from '@app/testing';
import { buildWorld, connectGate, consent, embeddingOf, FACE_SEED, listen, MQTT_URL, TestGate, World } from './access-world';

jest.setTimeout(90_000);

describe('access across two api instances', () => {
  let env: TestEnv;
  let a: TestApi;
  let b: TestApi;
  let db: DataSource;
  let w: World;
  let north: TestGate;
  let south: TestGate;
  let sim: SimGate;
  const simCommands: DeviceCommand[] = [];

  beforeAll(async () => {
    env = await createTestEnv('accesscl');
    a = await startTestApi(env, { INSTANCE_ID: 'access-cl-a', MQTT_INGEST_CONSUMERS: '2' });
    b = await startTestApi(env, { INSTANCE_ID: 'access-cl-b', MQTT_INGEST_CONSUMERS: '2' });
    db = a.app.get(DataSource);
    w = await buildWorld(a, db);
    [north, south] = await Promise.all([connectGate(env, w.perimeter[0]), connectGate(env, w.perimeter[1])]);
    // The building door is a simulated gate: birth, will, telemetry, acks, a local face library.
    const creds = await asUser(a, w.admin).post(`/devices/${w.door}/credentials/rotate`);
    sim = new SimGate({ deviceId: w.door, password: creds.body?.credentials?.password ?? 'x', mqttUrl: MQTT_URL, topicRoot: env.topicRoot, faceSeed: FACE_SEED, telemetryPeriodMs: 1000, reconnectDelayMs: 200 });
    sim.on('command', ({ command }) => simCommands.push(command));
    sim.start();
    await sim.waitOnline();
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(async () => {
    await sim?.stop();
    await Promise.all([north, south].filter(Boolean).map((g) => g.close()));
    await b?.app.close();
    await a?.close();
    await env?.drop();
  });

  it('enrols on one instance and matches on both at once', async () => {
    expect((await asUser(a, w.a.token).post(`/residents/${w.a.id}/face`, { embedding: embeddingOf('a'), consent })).status).toBe(200);
    const onB = await waitFor(async () => b.app.get(AccessState).hasFace(w.a.id), (x) => x, 10_000, 10);
    expect(onB).toBe(true);
    // Shared subscription: scans land on either instance; every one is recognised.
    const ids = await Promise.all(Array.from({ length: 8 }, () => north.face('a')));
    for (const id of ids) expect(await north.answerTo(id)).toMatchObject({ type: 'gate.open', data: { personId: w.a.id } });
    // Answered before stored (the commit follows the answer): wait for the group commit.
    const stored = await waitFor(
      async (): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM device_events WHERE "eventId" = ANY($1::uuid[]) AND outcome->>'result' = 'granted'`, [ids]))[0].n,
      (n) => n === 8,
    );
    expect(stored).toBe(8);
  });

  it('sends the gate’s offline library the new face, and it acks the version', async () => {
    const sync = await waitFor(async () => simCommands.find((c) => c.type === 'facelib.sync' && (c.data as { upserts: { personId: string }[] }).upserts.some((u) => u.personId === w.a.id)), (c) => !!c);
    expect(sync).toBeDefined();
    expect(sim.faceLibrary.get(w.a.id)).toBeDefined();
    const version = (sync!.data as { version: number }).version;
    const row = await waitFor(() => db.query(`SELECT "facelibVersion" FROM access_gates WHERE "deviceId" = $1`, [w.door]), (r: { facelibVersion: number }[]) => r[0]?.facelibVersion === version);
    expect(row[0].facelibVersion).toBe(version);
    // Templates never reach the command history.
    const [cmd] = await db.query(`SELECT data FROM device_commands WHERE id = $1`, [sync!.id]);
    expect(JSON.stringify(cmd.data)).not.toContain(embeddingOf('a').slice(0, 40));
  });

  it('withdraws on the other instance: both matchers and the gate library drop the face', async () => {
    expect((await asUser(b, w.a.token).del(`/residents/${w.a.id}/face`)).status).toBe(200);
    expect(await waitFor(async () => a.app.get(AccessState).hasFace(w.a.id), (x) => !x, 10_000, 10)).toBe(false);
    const ids = await Promise.all(Array.from({ length: 6 }, () => south.face('a')));
    for (const id of ids) expect(await south.answerTo(id)).toMatchObject({ type: 'gate.deny', data: { reason: 'unknown_face' } });
    await waitFor(async () => sim.faceLibrary.get(w.a.id), (x) => x === undefined);
    expect(sim.faceLibrary.get(w.a.id)).toBeUndefined();
  });

  it('locks down on one instance and every decision on both follows', async () => {
    expect((await asUser(b, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent })).status).toBe(200);
    await waitFor(async () => a.app.get(AccessState).hasFace(w.b.id), (x) => x, 10_000, 10);
    expect((await asUser(a, w.manager).post(`/sites/${w.site.id}/lockdown`, {})).status).toBe(200);
    const ids = await Promise.all(Array.from({ length: 6 }, () => north.face('b')));
    for (const id of ids) expect(await north.answerTo(id)).toMatchObject({ type: 'gate.deny', data: { reason: 'lockdown' } });
    expect(await waitFor(async () => sim.door.mode, (m) => m === 'lockdown')).toBe('lockdown');
    expect((await asUser(b, w.manager).post(`/sites/${w.site.id}/release`, {})).status).toBe(200);
    const after = await north.face('b');
    expect(await north.answerTo(after)).toMatchObject({ type: 'gate.open' });
  });

  it('pushes each decision to the household and staff, whichever instance decided, and tells the host their visitor arrived', async () => {
    const household = await listen(b.url, w.b.token);
    const neighbour = await listen(a.url, w.a.token);
    const staff = await listen(a.url, w.technician);
    try {
      const id = sim.presentFace({ personKey: 'b' });
      await waitFor(async () => household.received.find((r) => r.event === 'access.event' && r.payload.id === id), (x) => !!x, 5000);
      expect(household.received.find((r) => r.payload.id === id)!.payload).toMatchObject({ decision: 'granted', personId: w.b.id, unitId: w.unitB.id, method: 'face' });
      await waitFor(async () => staff.received.find((r) => r.event === 'access.event' && r.payload.id === id), (x) => !!x, 5000);
      const pass = await asUser(a, w.b.token).post('/visitor-passes', { visitorName: 'Chen Jie', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 2 });
      sim.showQr(pass.body.token);
      const arrived = await waitFor(async () => household.received.find((r) => r.event === 'notification' && r.payload.kind === 'visitor.arrived'), (x) => !!x, 5000);
      expect(arrived!.payload).toMatchObject({ ref: { type: 'visitor_pass', id: pass.body.id } });
      expect(arrived!.payload.title).toContain('Chen Jie');
      // Also in the host's inbox (the shared Notifier), under the id that was pushed.
      const inbox = await asUser(b, w.b.token).get('/me/notifications');
      expect(inbox.body.items).toContainEqual(expect.objectContaining({ id: arrived!.payload.id, kind: 'visitor.arrived', ref: { type: 'visitor_pass', id: pass.body.id } }));
      await new Promise((r) => setTimeout(r, 300));
      expect(neighbour.received.filter((r) => r.event === 'access.event' && r.payload.unitId === w.unitB.id)).toEqual([]);
    } finally {
      [household, neighbour, staff].forEach((c) => c.socket.close());
    }
  });

  it('raises an offline alarm when the gate drops, and resolves it when it is back', async () => {
    sim.dropFor(1500);
    const open = await waitFor(() => asUser(a, w.technician).get(`/access/alarms?siteId=${w.site.id}&status=open`), (r) => r.body.items?.some((x: { kind: string; deviceId: string }) => x.kind === 'offline' && x.deviceId === w.door), 15_000);
    expect(open.body.items.some((x: { kind: string }) => x.kind === 'offline')).toBe(true);
    const resolved = await waitFor(() => asUser(a, w.technician).get(`/access/alarms?siteId=${w.site.id}&status=resolved`), (r) => r.body.items?.some((x: { kind: string; deviceId: string }) => x.kind === 'offline' && x.deviceId === w.door), 15_000);
    expect(resolved.body.items.find((x: { kind: string }) => x.kind === 'offline')).toMatchObject({ status: 'resolved', note: 'back online' });
  });

  it('shows open alarms in the staff snapshot, pushes them live, and takes an acknowledgement over the socket', async () => {
    const staff = await listen(b.url, w.technician);
    try {
      sim.raiseAlarm('tamper', 'panel opened');
      const live = await waitFor(async () => staff.received.find((r) => r.event === 'access.alarm' && r.payload.kind === 'tamper'), (x) => !!x, 8000);
      expect(live!.payload).toMatchObject({ deviceId: w.door, status: 'open', siteId: w.site.id });
      const fresh = await listen(a.url, w.technician);
      const snapshot = fresh.received.find((r) => r.event === 'snapshot')!.payload;
      expect(snapshot.alarms.map((x: { id: string }) => x.id)).toContain(live!.payload.id);
      fresh.socket.close();
      const ack = await new Promise<{ ok: boolean; data?: { status: string } }>((resolve) => staff.socket.emit('alarm.ack', { alarmId: live!.payload.id, note: 'checking' }, resolve));
      expect(ack).toMatchObject({ ok: true, data: { status: 'acknowledged' } });
      const resident = await listen(a.url, w.b.token);
      const refused = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => resident.socket.emit('alarm.ack', { alarmId: live!.payload.id }, resolve));
      expect(refused.ok).toBe(false);
      resident.socket.close();
    } finally {
      staff.socket.close();
    }
  });
});

