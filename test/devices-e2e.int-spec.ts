// End to end: the real api and worker as child processes (as production runs them), the simulator
// provisioning its devices through the api and running them on the shared Mosquitto, Postgres and
// Redis of this machine, isolated by the test env's database, key prefix and topic root.
import { sleep, until } from './device-ops-test.module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { DataSource } from 'typeorm';
import { COMMUNITY_ENTITIES } from '@app/community';
import { deviceTopic } from '@app/contracts';
import { backendClientId } from '@app/core';
import { Community, provisionDevices, SimDevice, SimGate, type DeviceCredentials } from '@app/devices-sim';
import { AppProcess, clearRedisPrefix, Factories, spawnApp, TEST_PASSWORD, TestEnv, createTestEnv, httpJson } from '@app/testing';

const MQTT_URL = 'mqtt://127.0.0.1:1883';
/** Backend telemetry period: a device silent for 3 periods (6 s) is offline. The sims report every second. */
const TELEMETRY_PERIOD_S = 2;
const INGEST_CONSUMERS = 2;


interface DeviceView {
  id: string;
  online: boolean;
  lifecycle: string;
  firmware: string | null;
  reportedConfigVersion: number | null;
  desiredConfigVersion: number;
  configDrift: boolean;
}
interface PresenceView {
  online: boolean;
  reason: string;
}
interface CommandView {
  id: string;
  type: string;
  status: string;
  expiresAt: string;
  completedAt: string | null;
  error: { code: string } | null;
}

describe('device layer end to end: api + worker + simulator', () => {
  let env: TestEnv;
  let db: DataSource;
  let api: AppProcess | undefined;
  let worker: AppProcess | undefined;
  let token = '';
  let siteId = '';
  let adminLogin = '';
  let cacheDir = '';
  let community: Community | undefined;
  let communityStopped = false;
  /** Gates outside the community, each for one scenario. */
  const solo: Record<'crash' | 'silent' | 'skewed' | 'late', SimGate> = {} as never;
  /** Every event id each sim queued (what it meant to send), by device. */
  const queued = new Map<string, string[]>();
  /** What each sim did with each command it got: 'executed', or the code it rejected it with. */
  const outcomes = new Map<string, string>();
  const allSims: SimDevice[] = [];

  const apiEnv = () =>
    env.env({ INSTANCE_ID: 'e2e-api', MQTT_INGEST_CONSUMERS: String(INGEST_CONSUMERS), DEVICE_TELEMETRY_PERIOD_SECONDS: String(TELEMETRY_PERIOD_S), LOG_LEVEL: 'warn' });
  // The worker says it started at info level (spawnApp waits for that line).
  const workerEnv = () => env.env({ INSTANCE_ID: 'e2e-worker', DEVICE_TELEMETRY_PERIOD_SECONDS: String(TELEMETRY_PERIOD_S), LOG_LEVEL: 'info' });

  const call = httpJson(() => api!.url, () => token);
  const device = async (id: string) => (await call<DeviceView>('GET', `/api/v1/devices/${id}`)).body;
  const presence = async (id: string) => (await call<{ items: PresenceView[] }>('GET', `/api/v1/devices/${id}/presence`)).body.items.map((i) => ({ online: i.online, reason: i.reason }));
  const commandOf = async (deviceId: string, commandId: string) =>
    (await call<{ items: CommandView[] }>('GET', `/api/v1/devices/${deviceId}/commands?limit=100`)).body.items.find((c) => c.id === commandId);
  const storedIds = async (deviceIds: string[]) =>
    (await db.query(`SELECT "deviceId", "eventId" FROM device_events WHERE "deviceId" = ANY($1)`, [deviceIds])) as { deviceId: string; eventId: string }[];

  function track<T extends SimDevice>(sim: T): T {
    queued.set(sim.deviceId, []);
    sim.on('event-queued', ({ id }) => queued.get(sim.deviceId)!.push(id));
    sim.on('command', ({ command }) => outcomes.set(command.id, 'executed'));
    sim.on('command-rejected', ({ commandId, code }) => outcomes.set(commandId, code));
    allSims.push(sim);
    return sim;
  }

  function soloGate(creds: DeviceCredentials, extra: Partial<ConstructorParameters<typeof SimGate>[0]> = {}): SimGate {
    return track(
      new SimGate({ deviceId: creds.deviceId, username: creds.username, password: creds.password, mqttUrl: MQTT_URL, topicRoot: env.topicRoot, seed: 7, telemetryPeriodMs: 1000, reconnectDelayMs: 200, ...extra }),
    );
  }

  beforeAll(async () => {
    env = await createTestEnv('e2e');
    db = await new DataSource({ type: 'postgres', url: env.databaseUrl, entities: COMMUNITY_ENTITIES }).initialize();
    const f = new Factories(db);
    const site = await f.site();
    siteId = site.id;
    adminLogin = (await f.staff([site], 'admin')).login;
    [api, worker] = await Promise.all([spawnApp('api', apiEnv()), spawnApp('worker', workerEnv())]);
    token = ((await (await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: adminLogin, password: TEST_PASSWORD }) })).json()) as { accessToken: string }).accessToken;

    // The simulator provisions its own devices through the api, as `npm run sim` does.
    cacheDir = mkdtempSync(path.join(tmpdir(), 'sc-e2e-sim-'));
    const cacheFile = path.join(cacheDir, 'sim-devices.json');
    const common = { apiUrl: api.url, login: adminLogin, password: TEST_PASSWORD, siteId, cacheFile };
    const fleet = await provisionDevices({ ...common, gates: 3, speakers: 2, namePrefix: 'e2e' });
    expect(fleet.created).toHaveLength(5);
    const singles = await provisionDevices({ ...common, gates: 4, speakers: 0, namePrefix: 'solo' });
    expect(singles.created).toHaveLength(4);
    const [crash, silent, skewed, late] = singles.devices;
    solo.crash = soloGate(crash);
    // Reports once right after connecting, then not for 30 s: silent from the backend's point of view.
    solo.silent = soloGate(silent, { telemetryPeriodMs: 30_000 });
    solo.skewed = soloGate(skewed, { faults: { clockSkewMs: 15 * 60_000 } });
    solo.late = soloGate(late);

    community = new Community({
      devices: fleet.devices,
      mqttUrl: MQTT_URL,
      topicRoot: env.topicRoot,
      seed: 42,
      telemetryPeriodMs: 1000,
      faults: { duplicateProbability: 0.3 },
      activity: { meanIntervalMs: 150 },
      deviceOptions: { reconnectDelayMs: 200 },
    });
    community.devices.forEach(track);
    community.start();
    for (const g of Object.values(solo)) g.start();
    await Promise.all([community.waitOnline(), ...Object.values(solo).map((g) => g.waitOnline())]);
  }, 120_000);

  afterAll(async () => {
    if (community && !communityStopped) await community.stop().catch(() => undefined);
    await Promise.allSettled(allSims.map((s) => s.stop()));
    await Promise.allSettled([api?.kill9(), worker?.kill9()]);
    // Leave nothing on the shared broker: retained status/config, and the persistent sessions of
    // the sims and of the api's ingest connections.
    if (env) {
      const ids = [...queued.keys()];
      const c = await mqtt.connectAsync(MQTT_URL, { clientId: `e2e-clean-${process.pid}`, reconnectPeriod: 0 }).catch(() => undefined);
      for (const id of ids) {
        await c?.publishAsync(deviceTopic(env.topicRoot, id, 'status'), '', { qos: 1, retain: true });
        await c?.publishAsync(deviceTopic(env.topicRoot, id, 'config'), '', { qos: 1, retain: true });
      }
      await c?.endAsync();
      const config = { instanceId: 'e2e-api', mqtt: { clientIdPrefix: env.env().MQTT_CLIENT_ID_PREFIX, topicRoot: env.topicRoot } };
      const sessions = [...ids, ...Array.from({ length: INGEST_CONSUMERS }, (_, i) => backendClientId(config, `ingest${i}`))];
      await Promise.allSettled(
        sessions.map((clientId) => mqtt.connectAsync(MQTT_URL, { clientId, clean: true, reconnectPeriod: 0 }).then((s) => s.endAsync())),
      );
      await clearRedisPrefix(env.config().redis.url, env.redisPrefix);
    }
    await db?.destroy();
    await env?.drop();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }, 60_000);

  it('provisioned sims connect and show online in GET /devices, each with a birth in its presence history', async () => {
    const ids = community!.devices.map((d) => d.deviceId);
    const list = await until(async () => {
      const res = await call<{ items: DeviceView[] }>('GET', `/api/v1/devices?siteId=${siteId}&limit=100`);
      const mine = res.body.items.filter((d) => ids.includes(d.id));
      return mine.length === ids.length && mine.every((d) => d.online) ? mine : null;
    }, 'every community device online');
    expect(list.every((d) => d.firmware === '1.0.0-sim' && d.lifecycle === 'active')).toBe(true);
    for (const id of ids) expect((await presence(id)).at(-1)).toEqual({ online: true, reason: 'birth' });
  });

  it('a crashed device (Last Will) goes offline with a history row', async () => {
    const gate = solo.crash;
    await until(async () => (await device(gate.deviceId)).online, 'the crash gate online');
    gate.crash();
    await until(async () => !(await device(gate.deviceId)).online, 'offline after the will');
    expect(await presence(gate.deviceId)).toEqual([
      { online: false, reason: 'will' },
      { online: true, reason: 'birth' },
    ]);
    const offline = await call<{ items: DeviceView[] }>('GET', `/api/v1/devices?siteId=${siteId}&online=false&limit=100`);
    expect(offline.body.items.map((d) => d.id)).toContain(gate.deviceId);
  });

  it('a command sent through the API is executed and acked by the sim, and shows acked in the history', async () => {
    const gate = community!.gates[0];
    const res = await call<CommandView>('POST', `/api/v1/devices/${gate.deviceId}/commands`, { type: 'gate.mode', data: { mode: 'lockdown' } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('sent');
    const acked = await until(async () => {
      const c = await commandOf(gate.deviceId, res.body.id);
      return c?.status === 'acked' ? c : null;
    }, 'the command acked');
    expect(acked.error).toBeNull();
    expect(outcomes.get(res.body.id)).toBe('executed');
    expect(gate.door.mode).toBe('lockdown');

    const speaker = community!.speakers[0];
    const vol = await call<CommandView>('POST', `/api/v1/devices/${speaker.deviceId}/commands`, { type: 'speaker.volume', data: { level: 20, cap: 25 } });
    expect(vol.status).toBe(201);
    await until(async () => (await commandOf(speaker.deviceId, vol.body.id))?.status === 'acked', 'speaker.volume acked');
    expect(speaker.volume).toBeLessThanOrEqual(25);
    // Back to normal for the rest of the run.
    const back = await call<CommandView>('POST', `/api/v1/devices/${gate.deviceId}/commands`, { type: 'gate.mode', data: { mode: 'normal' } });
    await until(async () => (await commandOf(gate.deviceId, back.body.id))?.status === 'acked', 'back to normal');
  });

  it('a command the device gets after its expiry ends expired and is not executed (skewed clock; offline gate)', async () => {
    // A gate whose clock runs 15 minutes ahead: every command is already expired by its clock.
    const skewed = solo.skewed;
    const a = await call<CommandView>('POST', `/api/v1/devices/${skewed.deviceId}/commands`, { type: 'gate.mode', data: { mode: 'lockdown' } });
    expect(a.status).toBe(201);
    const expired = await until(async () => {
      const c = await commandOf(skewed.deviceId, a.body.id);
      return c?.status === 'expired' ? c : null;
    }, 'expired by the skewed gate');
    expect(expired.error?.code).toBe('EXPIRED');
    expect(outcomes.get(a.body.id)).toBe('EXPIRED');
    expect(skewed.door.mode).toBe('normal');

    // A gate that is offline when the command is sent: the broker keeps it in the gate's persistent
    // session; the worker times it out; on reconnect the gate gets it late, acks EXPIRED, and the
    // late ack tells the backend what really happened.
    const late = solo.late;
    late.dropFor(6000);
    await until(async () => !(await device(late.deviceId)).online, 'the late gate offline (will)');
    const b = await call<CommandView>('POST', `/api/v1/devices/${late.deviceId}/commands`, { type: 'gate.mode', data: { mode: 'emergency_open' }, ttlMs: 1000 });
    expect(b.status).toBe(201);
    const seen: string[] = [];
    const settled = await until(async () => {
      const c = await commandOf(late.deviceId, b.body.id);
      if (c && seen.at(-1) !== c.status) seen.push(c.status);
      return c?.status === 'expired' ? c : null;
    }, 'expired after the late delivery', 20_000);
    // The worker's sweep timed it out while the gate was away; the gate's EXPIRED ack corrected that.
    expect(seen).toEqual(['sent', 'timeout', 'expired']);
    expect(Date.parse(settled.completedAt!)).toBeGreaterThan(Date.parse(settled.expiresAt));
    expect(outcomes.get(b.body.id)).toBe('EXPIRED');
    expect(late.door).toMatchObject({ mode: 'normal', door: 'closed' });
  });

  it('desired config is applied by the sim and the drift clears once its telemetry reports the version', async () => {
    const speaker = community!.speakers[1];
    const put = await call<{ desiredVersion: number; drift: boolean }>('PUT', `/api/v1/devices/${speaker.deviceId}/config`, {
      volumeCap: 40,
      quietHours: { from: '22:00', to: '07:00', volumeCap: 15, tz: 'Asia/Shanghai' },
      maxSessionMinutes: 30,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ desiredVersion: 1, drift: true });
    await until(() => speaker.config?.version === 1, 'the sim applied version 1');
    expect(speaker.config).toMatchObject({ volumeCap: 40 });
    expect(speaker.volume).toBeLessThanOrEqual(40);
    const view = await until(async () => {
      const r = await call<{ drift: boolean; state: string; reportedVersion: number; delivery: { status: string } }>('GET', `/api/v1/devices/${speaker.deviceId}/config`);
      return !r.body.drift && r.body.delivery?.status === 'acked' ? r.body : null;
    }, 'drift cleared');
    expect(view).toMatchObject({ reportedVersion: 1, state: 'in_sync' });
    expect(await device(speaker.deviceId)).toMatchObject({ desiredConfigVersion: 1, reportedConfigVersion: 1, configDrift: false });
  });

  it('a connected but silent device is marked offline by the worker sweep, and comes back with its next telemetry', async () => {
    const gate = solo.silent;
    // Started with the others in beforeAll and heard from once: by now (or soon) 3 periods have passed.
    await until(async () => !(await device(gate.deviceId)).online, 'offline by silence', 3 * TELEMETRY_PERIOD_S * 1000 + 8000);
    expect(gate.status).toBe('online'); // still connected: only the sweep could have done it
    expect((await presence(gate.deviceId))[0]).toEqual({ online: false, reason: 'silent' });
    gate.publishTelemetry();
    await until(async () => (await device(gate.deviceId)).online, 'online again after telemetry');
    expect((await presence(gate.deviceId)).slice(0, 2)).toEqual([
      { online: true, reason: 'telemetry' },
      { online: false, reason: 'silent' },
    ]);
  });

  it('events published through outages (dropFor) and duplicates are all stored, each once', async () => {
    const [g0, g1] = community!.gates;
    const s0 = community!.speakers[0];
    g0.dropFor(1500);
    s0.dropFor(1000);
    // Queued while offline: sent when the gate is back, in order, with the same ids.
    const whileOffline = [g0.showQr('offline-1'), g0.showQr('offline-2'), g0.raiseAlarm('tamper', 'offline')];
    g1.dropFor(800);
    await until(() => [g0, g1, s0].every((d) => d.status === 'online' && d.stats().disconnects >= 1), 'the dropped sims back online', 15_000);
    await sleep(1000);
    // Everything the broker acknowledged so far is stored.
    const sims = community!.devices;
    const ackedSoFar = sims.flatMap((d) => (queued.get(d.deviceId) ?? []).filter((id) => !d.pendingEventIds().includes(id)).map((id) => `${d.deviceId}/${id}`));
    const missing = await until(async () => {
      const stored = new Set((await storedIds(sims.map((d) => d.deviceId))).map((r) => `${r.deviceId}/${r.eventId}`));
      const left = ackedSoFar.filter((k) => !stored.has(k));
      return left.length === 0 ? left : null;
    }, 'every acknowledged event stored', 15_000);
    expect(missing).toEqual([]);
    const stored = new Set((await storedIds([g0.deviceId])).map((r) => r.eventId));
    for (const id of whileOffline) expect(stored.has(id)).toBe(true);
    const totals = community!.totals();
    expect(totals.duplicatesSent).toBeGreaterThan(0);
    expect(totals.disconnects).toBeGreaterThanOrEqual(3);
    const metrics = await (await fetch(`${api!.url}/metrics`)).text();
    expect(Number(/^sc_device_events_duplicate_total (\d+)/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(0);
  });

  // Last: the api is killed here, so presence is disturbed for everything after it.
  it('the api killed with SIGKILL while the community publishes, then restarted: every event is stored exactly once', async () => {
    const sims = community!.devices;
    const queuedCount = () => sims.reduce((n, d) => n + (queued.get(d.deviceId)?.length ?? 0), 0);
    await sleep(500);
    await api!.kill9();
    const atKill = queuedCount();
    await sleep(1500);
    api = await spawnApp('api', apiEnv());
    const atRestart = queuedCount();
    expect(atRestart).toBeGreaterThan(atKill); // the community kept publishing while the api was down
    await sleep(1500);
    const report = await community!.stop({ drainMs: 5000 });
    communityStopped = true;
    expect(report.totals.outboxSize).toBe(0);
    expect(report.totals.eventsAcked).toBe(report.totals.eventsQueued);

    const all = allSims.filter((s) => s !== solo.crash);
    const expected = all.flatMap((d) => (queued.get(d.deviceId) ?? []).map((id) => `${d.deviceId}/${id}`)).sort();
    expect(new Set(expected).size).toBe(expected.length);
    const rows = await until(async () => {
      const r = await storedIds(all.map((d) => d.deviceId));
      return r.length >= expected.length ? r : null;
    }, `${expected.length} events stored`, 30_000, 250);
    expect(rows.map((r) => `${r.deviceId}/${r.eventId}`).sort()).toEqual(expected);
  });
});
