// End to end with broker security on: a private Mosquitto with the project's config
// (deploy/mosquitto: dynamic security, anonymous refused) and init-dynsec.sh's accounts, the real
// api as a child process provisioning every device as a broker client, and the simulator using the
// credentials the api issued. No worker: nothing here needs a BullMQ job.
import { sleep, until } from './device-ops-test.module';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { DataSource } from 'typeorm';
import { COMMUNITY_ENTITIES } from '@app/community';
import { deviceTopic } from '@app/contracts';
import { provisionDevices, SimDevice, SimGate, SimSpeaker, type DeviceCredentials } from '@app/devices-sim';
import { AppProcess, clearRedisPrefix, createTestEnv, Factories, freePort, spawnApp, TEST_PASSWORD, TestEnv, httpJson } from '@app/testing';

const DEPLOY = path.join(__dirname, '..', 'deploy', 'mosquitto');
const ADMIN = { username: 'dynsec-admin', password: 'e2e-dynsec-admin-pw-1' };
const BACKEND = { username: 'sc-backend', password: 'e2e-dynsec-backend-pw-1' };


async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

interface DeviceView {
  id: string;
  online: boolean;
  lifecycle: string;
  credentialsVersion: number;
}

describe('device layer end to end with Mosquitto dynamic security', () => {
  let env: TestEnv;
  let db: DataSource;
  let dir = '';
  let broker: ChildProcess | undefined;
  let brokerLog = '';
  let mqttUrl = '';
  let api: AppProcess | undefined;
  let token = '';
  let siteId = '';
  let adminLogin = '';
  let cacheFile = '';
  let fleet: DeviceCredentials[] = [];
  const sims: SimDevice[] = [];

  const call = httpJson(() => api!.url, () => token);
  const device = async (id: string) => (await call<DeviceView>('GET', `/api/v1/devices/${id}`)).body;
  const presence = async (id: string) =>
    (await call<{ items: { online: boolean; reason: string }[] }>('GET', `/api/v1/devices/${id}/presence`)).body.items.map((i) => ({ online: i.online, reason: i.reason }));
  const storedEvents = async (deviceId: string) => ((await db.query(`SELECT "eventId" FROM device_events WHERE "deviceId" = $1`, [deviceId])) as { eventId: string }[]).map((r) => r.eventId);

  function sim(creds: DeviceCredentials, password = creds.password): SimDevice {
    const options = { deviceId: creds.deviceId, username: creds.username, password, mqttUrl, topicRoot: env.topicRoot, seed: 3, telemetryPeriodMs: 1000, reconnectDelayMs: 200 };
    const s = creds.kind === 'gate' ? new SimGate(options) : new SimSpeaker(options);
    sims.push(s);
    return s;
  }
  const provision = (gates: number, speakers: number) =>
    provisionDevices({ apiUrl: api!.url, login: adminLogin, password: TEST_PASSWORD, siteId, gates, speakers, namePrefix: 'sec', cacheFile, mqttUrl });

  beforeAll(async () => {
    env = await createTestEnv('e2edynsec');
    db = await new DataSource({ type: 'postgres', url: env.databaseUrl, entities: COMMUNITY_ENTITIES }).initialize();
    const f = new Factories(db);
    const site = await f.site();
    siteId = site.id;
    adminLogin = (await f.staff([site], 'admin')).login;

    // The broker's accounts exactly as a deployment makes them: init-dynsec.sh for this run's topic root.
    dir = mkdtempSync(path.join(tmpdir(), 'sc-e2e-dynsec-'));
    chmodSync(dir, 0o755);
    cacheFile = path.join(dir, 'sim-devices.json');
    execFileSync('sh', [path.join(DEPLOY, 'init-dynsec.sh'), path.join(dir, 'dynamic-security.json')], {
      env: { ...process.env, MQTT_DYNSEC_USERNAME: ADMIN.username, MQTT_DYNSEC_PASSWORD: ADMIN.password, MQTT_USERNAME: BACKEND.username, MQTT_PASSWORD: BACKEND.password, MQTT_TOPIC_ROOT: env.topicRoot },
      stdio: 'pipe',
    });
    const port = await freePort();
    mqttUrl = `mqtt://127.0.0.1:${port}`;
    // The project's config on our port (replace the listener line; never drop it: "local only mode").
    writeFileSync(path.join(dir, 'broker.conf'), readFileSync(path.join(DEPLOY, 'mosquitto.conf'), 'utf8').replace(/^listener .*$/m, `listener ${port} 127.0.0.1`));
    broker = spawn('mosquitto', ['-c', path.join(dir, 'broker.conf')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    broker.stderr!.on('data', (d: Buffer) => (brokerLog = (brokerLog + d.toString()).slice(-20_000)));
    await until(() => listening(port), 'the broker listening');

    api = await spawnApp(
      'api',
      env.env({
        INSTANCE_ID: 'e2e-dynsec-api',
        LOG_LEVEL: 'warn',
        MQTT_URL: mqttUrl,
        MQTT_USERNAME: BACKEND.username,
        MQTT_PASSWORD: BACKEND.password,
        MQTT_DYNSEC_ENABLED: 'true',
        MQTT_DYNSEC_USERNAME: ADMIN.username,
        MQTT_DYNSEC_PASSWORD: ADMIN.password,
        MQTT_INGEST_CONSUMERS: '1',
      }),
    );
    token = ((await (await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: adminLogin, password: TEST_PASSWORD }) })).json()) as { accessToken: string }).accessToken;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(sims.map((s) => s.stop()));
    await api?.kill9();
    if (broker && broker.exitCode === null) {
      const exited = once(broker, 'exit');
      const b = broker;
      const hard = setTimeout(() => b.kill('SIGKILL'), 3000);
      b.kill('SIGTERM');
      await exited;
      clearTimeout(hard);
    }
    if (env) await clearRedisPrefix(env.config().redis.url, env.redisPrefix);
    await db?.destroy();
    await env?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('provisioning through the api creates broker clients: the sims connect with their issued secrets, a wrong secret is refused', async () => {
    const result = await provision(2, 1);
    expect(result.created).toHaveLength(3);
    fleet = result.devices;
    expect(readFileSync(path.join(dir, 'dynamic-security.json'), 'utf8')).toContain(`"device-${fleet[0].deviceId}"`);

    const running = fleet.map((c) => sim(c));
    running.forEach((s) => s.start());
    await Promise.all(running.map((s) => s.waitOnline()));
    await until(async () => (await Promise.all(fleet.map((c) => device(c.deviceId)))).every((d) => d.online), 'all online in the api');

    // Events go through the broker's ACLs and the backend's shared subscription into the database.
    const gate = running[0] as SimGate;
    const ids = [gate.showQr('sec-1'), gate.raiseAlarm('tamper', 'e2e')];
    await until(async () => (await storedEvents(gate.deviceId)).length === 2, 'the events stored');
    expect((await storedEvents(gate.deviceId)).sort()).toEqual([...ids].sort());

    // Someone else's secret does not open the door: refused at CONNECT, never online.
    const impostor = sim(fleet[1], fleet[0].password);
    // Same client id as the real one would take its session over: stop the real one first.
    await running[1].stop();
    impostor.start();
    await expect(impostor.waitOnline(2000)).rejects.toThrow(/authentication refused/);
    expect(impostor.stats().authFailures).toBeGreaterThan(0);
    await impostor.stop();

    // With its own secret, B cannot speak for A: a forged event on A's topic and a forged command to
    // A are dropped by the broker (PUBACKed under 3.1.1, so check what arrived), B's own event is stored.
    const b = await mqtt.connectAsync(mqttUrl, { clientId: fleet[1].deviceId, username: fleet[1].username, password: fleet[1].password, reconnectPeriod: 0 });
    const envelope = (token: string) => JSON.stringify({ id: randomUUID(), type: 'access.qr', ts: new Date().toISOString(), data: { token } });
    await b.publishAsync(deviceTopic(env.topicRoot, gate.deviceId, 'events'), envelope('forged'), { qos: 1 });
    // The gate does get real commands (the access module answers its QR code): watch for the forged id.
    const forgedId = randomUUID();
    const gateGot: string[] = [];
    gate.on('command', ({ command }) => gateGot.push(command.id));
    gate.on('command-rejected', ({ commandId }) => gateGot.push(commandId));
    await b.publishAsync(deviceTopic(env.topicRoot, gate.deviceId, 'commands'), JSON.stringify({ id: forgedId, type: 'gate.mode', ts: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString(), data: { mode: 'emergency_open' } }), { qos: 1 });
    await b.publishAsync(deviceTopic(env.topicRoot, fleet[1].deviceId, 'events'), envelope('own'), { qos: 1 });
    await until(async () => (await storedEvents(fleet[1].deviceId)).length === 1, "B's own event stored");
    await sleep(300);
    expect(await storedEvents(gate.deviceId)).toHaveLength(2);
    expect(gateGot).not.toContain(forgedId);
    expect(gate.door.mode).toBe('normal');
    await b.endAsync();
  });

  it('a rotated secret replaces the old one: the old connection is dropped and refused, the simulator re-provisions and reconnects', async () => {
    const creds = fleet[2];
    const old = sim(creds);
    old.start();
    await old.waitOnline();
    const disconnected = new Promise<void>((r) => old.once('disconnected', () => r()));

    const rotated = await call<DeviceView & { credentials: { password: string } }>('POST', `/api/v1/devices/${creds.deviceId}/credentials/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.credentialsVersion).toBe(2);
    expect(rotated.body.credentials.password).not.toBe(creds.password);
    await disconnected;
    await until(() => old.stats().authFailures > 0, 'the old secret refused on reconnect');
    expect(old.status).not.toBe('online');
    await old.stop();

    // The simulator's cache still holds the old secret: its probe finds it refused, so it rotates
    // (the api's secret is shown once) and the device runs with the new one; the others are reused.
    const again = await provision(2, 1);
    expect(again.rotated).toEqual([creds.deviceId]);
    expect(again.reused.sort()).toEqual([fleet[0].deviceId, fleet[1].deviceId].sort());
    const fresh = again.devices.find((d) => d.deviceId === creds.deviceId)!;
    expect(fresh.password).not.toBe(creds.password);
    expect(fresh.password).not.toBe(rotated.body.credentials.password);
    const renewed = sim(fresh);
    renewed.start();
    await renewed.waitOnline();
    expect((await device(creds.deviceId)).credentialsVersion).toBe(3);
    await until(async () => (await device(creds.deviceId)).online, 'online with the new secret');
  });

  it('a decommissioned device is kicked, refused by the broker, offline in the api and hidden from the list', async () => {
    // The simulator's credential probe above borrowed this gate's client id (the broker took the
    // session over), so it may still be reconnecting.
    const gate = sims.find((s) => s.deviceId === fleet[0].deviceId && s.status !== 'stopped')!;
    await gate.waitOnline();
    const disconnected = new Promise<void>((r) => gate.once('disconnected', () => r()));
    const res = await call<DeviceView>('POST', `/api/v1/devices/${gate.deviceId}/decommission`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lifecycle: 'decommissioned', online: false });
    await disconnected;
    await until(() => gate.stats().authFailures > 0, 'refused on reconnect');
    await sleep(500);
    expect(gate.status).not.toBe('online');
    expect((await presence(gate.deviceId))[0]).toEqual({ online: false, reason: 'decommissioned' });
    const list = await call<{ items: { id: string }[] }>('GET', `/api/v1/devices?siteId=${siteId}&limit=100`);
    expect(list.body.items.map((d) => d.id)).not.toContain(gate.deviceId);
    expect(readFileSync(path.join(dir, 'dynamic-security.json'), 'utf8')).not.toContain(`"device-${gate.deviceId}"`);
    expect(brokerLog).not.toMatch(/Error: Unable to load/);
  });
});
