import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import mqtt, { MqttClient } from 'mqtt';
import request from 'supertest';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, createValidationPipe, MetricsService } from '@app/core';
import { deviceTopic } from '@app/contracts';
import { DeviceDirectory } from '@app/devices/registry/device-directory.service';
import { DevicePresenceConsumer } from '@app/devices/presence/device-presence.consumer';
import { DevicePresenceService } from '@app/devices/presence/device-presence.service';
import { DeviceStatusChange, DeviceStatusEvents } from '@app/devices/presence/device-status-events';
import { DeviceOpsTestModule, sleep, until } from './device-ops-test.module';
import { clearRedisPrefix, createTestEnv, Factories, TEST_PASSWORD, TestEnv } from '@app/testing';

// Presence against the real Postgres, Redis (BullMQ sweeps) and Mosquitto, with plain MQTT.js
// clients as devices. Telemetry period 1 s: a device is offline after 3 s of silence.

interface DeviceRow {
  online: boolean;
  lastSeenAt: Date | null;
  firmware: string | null;
  reportedConfigVersion: number | null;
  lastTelemetry: Record<string, unknown> | null;
}

describe('device presence (birth, will, telemetry, silence)', () => {
  let env: TestEnv;
  let config: AppConfig;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let f: Factories;
  let siteId: string;
  const changes: DeviceStatusChange[] = [];
  const devices: MqttClient[] = [];
  const usedIds: string[] = [];
  const preStart = { recent: `gate-r${randomBytes(3).toString('hex')}`, stale: `gate-s${randomBytes(3).toString('hex')}` };

  const topic = (id: string, ch: 'status' | 'telemetry') => deviceTopic(env.topicRoot, id, ch);
  const birth = (kind = 'gate', fw = '1.4.2') => JSON.stringify({ online: true, kind, fw, ts: new Date().toISOString() });
  const telemetry = (configVersion = 0, extra: Record<string, unknown> = {}) => JSON.stringify({ ts: new Date().toISOString(), configVersion, ...extra });

  async function device(id: string, opts: { will?: boolean } = {}): Promise<MqttClient> {
    const c = await mqtt.connectAsync(config.mqtt.url, {
      clientId: `${id}-${randomBytes(2).toString('hex')}`,
      protocolVersion: 4,
      reconnectPeriod: 0,
      ...(opts.will ? { will: { topic: topic(id, 'status'), payload: Buffer.from('{"online":false}'), qos: 1 as const, retain: true } } : {}),
    });
    devices.push(c);
    return c;
  }

  async function createDevice(kind: 'gate' | 'speaker' = 'gate', site = siteId): Promise<string> {
    const id = `${kind}-${randomBytes(4).toString('hex')}`;
    usedIds.push(id);
    await db.query(`INSERT INTO devices (id, kind, "siteId", name, "secretHash") VALUES ($1, $2, $3, $4, 'x')`, [id, kind, site, `Test ${id}`]);
    await app.get(DeviceDirectory).changed(id);
    return id;
  }

  const row = async (id: string): Promise<DeviceRow> => (await db.query(`SELECT * FROM devices WHERE id = $1`, [id]))[0];
  const history = async (id: string): Promise<{ online: boolean; reason: string }[]> =>
    db.query(`SELECT online, reason FROM device_presence_changes WHERE "deviceId" = $1 ORDER BY at, online`, [id]);

  beforeAll(async () => {
    env = await createTestEnv('presence');
    config = env.config({ DEVICE_TELEMETRY_PERIOD_SECONDS: '1', DEVICE_PRESENCE_SWEEP_SECONDS: '1', INSTANCE_ID: `presence-${randomBytes(2).toString('hex')}` });
    siteId = randomUUID();
    // Before the api starts: two devices whose retained birth is already on the broker, one heard
    // from a moment ago, one not for an hour.
    const pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
    await pg.query(
      `INSERT INTO devices (id, kind, "siteId", name, "secretHash", "lastSeenAt") VALUES ($1, 'gate', $3, 'recent', 'x', now() - interval '1 second'), ($2, 'gate', $3, 'stale', 'x', now() - interval '1 hour')`,
      [preStart.recent, preStart.stale, siteId],
    );
    await pg.end();
    usedIds.push(preStart.recent, preStart.stale);
    const pre = await mqtt.connectAsync(config.mqtt.url, { clientId: `pre-${randomBytes(3).toString('hex')}`, protocolVersion: 4 });
    await pre.publishAsync(deviceTopic(env.topicRoot, preStart.recent, 'status'), birth('gate', '2.0.0'), { qos: 1, retain: true });
    await pre.publishAsync(deviceTopic(env.topicRoot, preStart.stale, 'status'), birth('gate', '2.0.1'), { qos: 1, retain: true });
    await pre.endAsync();

    app = await NestFactory.create(DeviceOpsTestModule.forRoot(config), { bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    app.setGlobalPrefix('api/v1');
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    http = request(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    db = app.get(DataSource);
    f = new Factories(db);
    app.get(DeviceStatusEvents).changes$.subscribe((c) => changes.push(c));
    await app.get(DevicePresenceConsumer).ready();
  }, 60_000);

  afterAll(async () => {
    // Clear the retained statuses this run left on the shared broker.
    if (config) {
      const c = await mqtt.connectAsync(config.mqtt.url, { clientId: `clean-${randomBytes(3).toString('hex')}`, protocolVersion: 4 }).catch(() => undefined);
      for (const id of usedIds) await c?.publishAsync(deviceTopic(env.topicRoot, id, 'status'), '', { qos: 1, retain: true });
      await c?.endAsync();
    }
    await Promise.allSettled(devices.map((d) => d.endAsync(true)));
    await app?.close();
    if (config) await clearRedisPrefix(config.redis.url, config.redis.keyPrefix);
    await env?.drop();
  });

  it('a freshly started api learns from retained births: a recently seen device is online, a stale one waits for telemetry', async () => {
    const recent = await until(async () => ((await row(preStart.recent)).online ? row(preStart.recent) : null), 'the recent device online');
    expect(recent.firmware).toBe('2.0.0');
    const stale = await row(preStart.stale);
    expect(stale.online).toBe(false);
    expect(stale.firmware).toBe('2.0.1');
    expect(await history(preStart.recent)).toEqual([{ online: true, reason: 'birth' }]);

    const d = await device(preStart.stale);
    await d.publishAsync(topic(preStart.stale, 'telemetry'), telemetry(3));
    await until(async () => (await row(preStart.stale)).online, 'the stale device online after telemetry');
    expect(await history(preStart.stale)).toEqual([{ online: true, reason: 'telemetry' }]);
  });

  it('goes online on a birth and offline on the Last Will, each transition stored once and emitted', async () => {
    const id = await createDevice();
    const d = await device(id, { will: true });
    await d.publishAsync(topic(id, 'status'), birth('gate', '1.9.0'), { qos: 1, retain: true });
    await until(async () => (await row(id)).online, 'online after birth');
    expect((await row(id)).firmware).toBe('1.9.0');

    // Kill the connection without DISCONNECT: the broker publishes the will.
    (d as unknown as { stream: { destroy(): void } }).stream.destroy();
    await until(async () => !(await row(id)).online, 'offline after the will');
    expect(await history(id)).toEqual([
      { online: true, reason: 'birth' },
      { online: false, reason: 'will' },
    ]);
    const mine = changes.filter((c) => c.deviceId === id);
    expect(mine.map((c) => [c.online, c.reason, c.kind, c.siteId])).toEqual([
      [true, 'birth', 'gate', siteId],
      [false, 'will', 'gate', siteId],
    ]);
  });

  it('telemetry brings a device online and records last seen, config version and state (coalesced per device)', async () => {
    const id = await createDevice('speaker');
    const d = await device(id);
    const before = Date.now();
    for (let i = 0; i < 10; i++) await d.publishAsync(topic(id, 'telemetry'), telemetry(i < 9 ? 1 : 2, { volume: 10 + i, playback: 'idle' }));
    const r = await until(async () => {
      const x = await row(id);
      return x.online && x.reportedConfigVersion === 2 ? x : null;
    }, 'online with the last telemetry');
    expect(r.lastTelemetry).toMatchObject({ volume: 19, playback: 'idle', configVersion: 2 });
    expect(new Date(r.lastSeenAt!).getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(await history(id)).toEqual([{ online: true, reason: 'telemetry' }]);
  });

  it('marks a silent device offline after 3 telemetry periods (BullMQ presence sweep)', async () => {
    const id = await createDevice();
    const d = await device(id);
    await d.publishAsync(topic(id, 'telemetry'), telemetry());
    await until(async () => (await row(id)).online, 'online');
    const onlineAt = Date.now();
    await until(async () => !(await row(id)).online, 'offline by silence', 10_000);
    // 3 periods of 1 s, plus up to one sweep interval and one telemetry flush.
    expect(Date.now() - onlineAt).toBeGreaterThanOrEqual(2000);
    expect(await history(id)).toEqual([
      { online: true, reason: 'telemetry' },
      { online: false, reason: 'silent' },
    ]);
  });

  it('a telemetry sample received before the will does not bring the device back', async () => {
    const id = await createDevice();
    const d = await device(id, { will: true });
    await d.publishAsync(topic(id, 'status'), birth(), { qos: 1, retain: true });
    await until(async () => (await row(id)).online, 'online');
    await d.publishAsync(topic(id, 'telemetry'), telemetry());
    (d as unknown as { stream: { destroy(): void } }).stream.destroy();
    await until(async () => !(await row(id)).online, 'offline after the will');
    await app.get(DevicePresenceService).flush();
    await sleep(300);
    expect((await row(id)).online).toBe(false);
    expect((await history(id)).map((h) => h.reason)).toEqual(['birth', 'will']);
  });

  it('the same news handled twice (two api instances) records one transition', async () => {
    const id = await createDevice();
    const svc = app.get(DevicePresenceService);
    const status = { online: true as const, kind: 'gate' as const, fw: '1.0.0', ts: new Date().toISOString() };
    const results = await Promise.all([svc.applyStatus(id, status, false), svc.applyStatus(id, status, false), svc.applyStatus(id, status, false)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const offline = await Promise.all([svc.applyStatus(id, { online: false }, false), svc.applyStatus(id, { online: false }, false)]);
    expect(offline.filter(Boolean)).toHaveLength(1);
    expect(await history(id)).toEqual([
      { online: true, reason: 'birth' },
      { online: false, reason: 'will' },
    ]);
  });

  it('drops and counts garbage on status and telemetry, and unknown devices, while valid traffic flows', async () => {
    const id = await createDevice();
    const d = await device(id);
    const unknown = `gate-${randomBytes(4).toString('hex')}`;
    await d.publishAsync(topic(id, 'telemetry'), 'not json');
    await d.publishAsync(topic(id, 'telemetry'), JSON.stringify({ ts: 'yesterday', configVersion: -1 }));
    await d.publishAsync(topic(id, 'status'), JSON.stringify({ online: 'maybe' }), { qos: 1 });
    await d.publishAsync(topic(unknown, 'telemetry'), telemetry());
    await d.publishAsync(topic(id, 'telemetry'), telemetry(4));
    await until(async () => (await row(id)).reportedConfigVersion === 4, 'the valid telemetry');
    const text = await app.get(MetricsService).registry.getSingleMetricAsString('sc_device_feedback_dropped_total');
    expect(text).toMatch(/channel="telemetry",reason="not_json"} [1-9]/);
    expect(text).toMatch(/channel="telemetry",reason="invalid_data"} [1-9]/);
    expect(text).toMatch(/channel="status",reason="invalid_data"} [1-9]/);
    expect(text).toMatch(/channel="telemetry",reason="unknown_device"} [1-9]/);
    const transitions = await app.get(MetricsService).registry.getSingleMetricAsString('sc_device_presence_transitions_total');
    expect(transitions).toMatch(/kind="gate",online="true"} [1-9]/);
    const gauge = await app.get(MetricsService).registry.getSingleMetricAsString('sc_devices_online');
    expect(gauge).toMatch(/sc_devices_online{kind="gate"} [1-9]/);
  });

  describe('GET /api/v1/devices/{id}/presence', () => {
    let id: string;
    let staffToken: string;

    beforeAll(async () => {
      const site = await f.site();
      id = await createDevice('gate', site.id);
      const svc = app.get(DevicePresenceService);
      const fw = { online: true as const, kind: 'gate' as const, fw: '1', ts: new Date().toISOString() };
      await svc.applyStatus(id, fw, false);
      await svc.applyStatus(id, { online: false }, false);
      await svc.applyStatus(id, fw, false);
      const staff = await f.staff([site], 'technician');
      staffToken = (await http.post('/api/v1/auth/login').send({ login: staff.login, password: TEST_PASSWORD })).body.accessToken;
    });

    it('lists transitions newest first for staff of the site, cursor-paginated', async () => {
      const first = await http.get(`/api/v1/devices/${id}/presence?limit=2`).set('Authorization', `Bearer ${staffToken}`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: { online: boolean; reason: string }) => [i.online, i.reason])).toEqual([
        [true, 'birth'],
        [false, 'will'],
      ]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http.get(`/api/v1/devices/${id}/presence?limit=2&cursor=${first.body.nextCursor}`).set('Authorization', `Bearer ${staffToken}`);
      expect(second.body.items.map((i: { online: boolean }) => i.online)).toEqual([true]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('hides the device from staff of another site and refuses residents', async () => {
      const other = await f.staff([await f.site()], 'manager');
      const token = (await http.post('/api/v1/auth/login').send({ login: other.login, password: TEST_PASSWORD })).body.accessToken;
      const res = await http.get(`/api/v1/devices/${id}/presence`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(404);
      const { login } = await f.resident(await f.unit(await f.building(await f.site())));
      const rToken = (await http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD })).body.accessToken;
      expect((await http.get(`/api/v1/devices/${id}/presence`).set('Authorization', `Bearer ${rToken}`)).status).toBe(403);
      expect((await http.get(`/api/v1/devices/${id}/presence?cursor=garbage`).set('Authorization', `Bearer ${staffToken}`)).status).toBe(400);
    });
  });
});
