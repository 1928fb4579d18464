import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import mqtt, { MqttClient } from 'mqtt';
import request from 'supertest';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, createValidationPipe, MetricsService, MqttPublisher } from '@app/core';
import { Site } from '@app/community';
import { deviceTopic } from '@app/contracts';
import { DeviceDirectory } from '@app/devices/registry/device-directory.service';
import { CommandAckConsumer } from '@app/devices/commands/command-ack.consumer';
import { CommandResult, CommandResults } from '@app/devices/commands/command-results';
import { DeviceCommandService } from '@app/devices/commands/device-command.service';
import { DeviceConfigService } from '@app/devices/config/device-config.service';
import { DevicePresenceConsumer } from '@app/devices/presence/device-presence.consumer';
import { DeviceOpsTestModule, sleep, until } from './device-ops-test.module';
import { clearRedisPrefix, createTestEnv, Factories, TEST_PASSWORD, TestEnv } from '@app/testing';

// Commands and desired config against the real Postgres, Redis (BullMQ retries and sweeps) and
// Mosquitto. Devices are plain MQTT.js clients that answer (or not) as each test needs.

interface Envelope {
  id: string;
  type: string;
  expiresAt: string;
  requestId?: string;
  data: Record<string, unknown>;
}

type Answer = { ok: true; data?: Record<string, unknown> } | { ok: false; code: string } | null;

/** A device: records the commands and configs it receives and acks as `answer` decides (null: silence). */
class FakeDevice {
  readonly commands: Envelope[] = [];
  readonly configs: Record<string, unknown>[] = [];
  answer: (c: Envelope, nth: number) => Answer = () => ({ ok: true });

  private constructor(
    readonly id: string,
    private readonly client: MqttClient,
    private readonly root: string,
  ) {}

  static async connect(url: string, root: string, id: string): Promise<FakeDevice> {
    const client = await mqtt.connectAsync(url, { clientId: `${id}-${randomBytes(2).toString('hex')}`, protocolVersion: 4, reconnectPeriod: 0 });
    const d = new FakeDevice(id, client, root);
    client.on('message', (topic, payload) => d.receive(topic, payload));
    await client.subscribeAsync({ [deviceTopic(root, id, 'commands')]: { qos: 1 }, [deviceTopic(root, id, 'config')]: { qos: 1 } });
    return d;
  }

  async birth(kind: string): Promise<void> {
    await this.client.publishAsync(deviceTopic(this.root, this.id, 'status'), JSON.stringify({ online: true, kind, fw: '1.0.0', ts: new Date().toISOString() }), { qos: 1, retain: true });
  }

  async telemetry(configVersion: number): Promise<void> {
    await this.client.publishAsync(deviceTopic(this.root, this.id, 'telemetry'), JSON.stringify({ ts: new Date().toISOString(), configVersion }));
  }

  async ack(commandId: string, a: Exclude<Answer, null>): Promise<void> {
    const body = a.ok ? { commandId, ok: true, ts: new Date().toISOString(), ...(a.data ? { data: a.data } : {}) } : { commandId, ok: false, error: { code: a.code, message: 'test' } };
    await this.client.publishAsync(deviceTopic(this.root, this.id, 'acks'), JSON.stringify(body), { qos: 1 });
  }

  received(id: string): number {
    return this.commands.filter((c) => c.id === id).length;
  }

  async close(): Promise<void> {
    await this.client.publishAsync(deviceTopic(this.root, this.id, 'status'), '', { qos: 1, retain: true }).catch(() => undefined);
    await this.client.publishAsync(deviceTopic(this.root, this.id, 'config'), '', { qos: 1, retain: true }).catch(() => undefined);
    await this.client.endAsync(true);
  }

  private receive(topic: string, payload: Buffer): void {
    if (payload.length === 0) return;
    const body = JSON.parse(payload.toString());
    if (topic.endsWith('/config')) {
      this.configs.push(body);
      return;
    }
    this.commands.push(body);
    const a = this.answer(body, this.received(body.id));
    if (a) void this.ack(body.id, a);
  }
}

describe('device commands and desired config', () => {
  let env: TestEnv;
  let config: AppConfig;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let f: Factories;
  let site: Site;
  let commands: DeviceCommandService;
  const results: CommandResult[] = [];
  const fakes: FakeDevice[] = [];

  async function createDevice(kind: 'gate' | 'speaker', siteId = site.id): Promise<FakeDevice> {
    const id = `${kind}-${randomBytes(4).toString('hex')}`;
    await db.query(`INSERT INTO devices (id, kind, "siteId", name, "secretHash") VALUES ($1, $2, $3, $4, 'x')`, [id, kind, siteId, `Test ${id}`]);
    await app.get(DeviceDirectory).changed(id);
    const d = await FakeDevice.connect(config.mqtt.url, env.topicRoot, id);
    fakes.push(d);
    return d;
  }

  const command = async (id: string) => (await db.query(`SELECT * FROM device_commands WHERE id = $1`, [id]))[0];
  const statusBecomes = (id: string, status: string, timeoutMs?: number) =>
    until(async () => {
      const c = await command(id);
      return c?.status === status ? c : null;
    }, `command ${id} ${status}`, timeoutMs);
  const login = async (login: string) => (await http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD })).body.accessToken as string;

  beforeAll(async () => {
    env = await createTestEnv('commands');
    config = env.config({ DEVICE_TELEMETRY_PERIOD_SECONDS: '30', DEVICE_PRESENCE_SWEEP_SECONDS: '1', INSTANCE_ID: `commands-${randomBytes(2).toString('hex')}` });
    app = await NestFactory.create(DeviceOpsTestModule.forRoot(config), { bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    app.setGlobalPrefix('api/v1');
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    http = request(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    db = app.get(DataSource);
    f = new Factories(db);
    site = await f.site();
    commands = app.get(DeviceCommandService);
    app.get(CommandResults).results$.subscribe((r) => results.push(r));
    await Promise.all([app.get(CommandAckConsumer).ready(), app.get(DevicePresenceConsumer).ready()]);
    await until(() => app.get(MqttPublisher).connected, 'publisher connected');
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(fakes.map((d) => d.close()));
    await app?.close();
    if (config) await clearRedisPrefix(config.redis.url, config.redis.keyPrefix);
    await env?.drop();
  });

  describe('life cycle', () => {
    it('sent → acked: the device gets the envelope with id and expiry, its ack settles the row and is emitted', async () => {
      const gate = await createDevice('gate');
      const record = await commands.send(gate.id, 'gate.mode', { mode: 'lockdown' });
      expect(record).toMatchObject({ deviceId: gate.id, type: 'gate.mode', status: 'sent', attempts: 1, durable: false });
      const acked = await statusBecomes(record.id, 'acked');
      expect(acked.completedAt).not.toBeNull();
      const env0 = gate.commands.find((c) => c.id === record.id)!;
      expect(env0).toMatchObject({ type: 'gate.mode', data: { mode: 'lockdown' } });
      expect(Date.parse(env0.expiresAt) - Date.now()).toBeGreaterThan(30_000);
      await until(() => results.some((r) => r.commandId === record.id && r.status === 'acked'), 'the result event');
    });

    it('failed ack: the row is failed with the device error', async () => {
      const gate = await createDevice('gate');
      gate.answer = () => ({ ok: false, code: 'LOCKDOWN' });
      const record = await commands.send(gate.id, 'gate.open', { durationMs: 3000 }, { requestId: randomUUID() });
      const failed = await statusBecomes(record.id, 'failed');
      expect(failed.error).toEqual({ code: 'LOCKDOWN', message: 'test' });
      expect(failed.requestId).toBe(record.requestId);
    });

    it('expired: a device that got the command too late acks EXPIRED', async () => {
      const gate = await createDevice('gate');
      gate.answer = () => ({ ok: false, code: 'EXPIRED' });
      const record = await commands.send(gate.id, 'gate.deny', { reason: 'unknown_face' });
      const expired = await statusBecomes(record.id, 'expired');
      expect(expired.error.code).toBe('EXPIRED');
      await until(() => results.some((r) => r.commandId === record.id && r.status === 'expired'), 'the expired result');
    });

    it('timeout: no ack before expiresAt → timeout by the BullMQ sweep; a late ack then corrects it', async () => {
      const gate = await createDevice('gate');
      gate.answer = () => null;
      const record = await commands.send(gate.id, 'gate.open', { durationMs: 2000 }, { ttlMs: 1000 });
      expect(record.status).toBe('sent');
      const timedOut = await statusBecomes(record.id, 'timeout', 10_000);
      expect(new Date(timedOut.completedAt).getTime()).toBeGreaterThan(new Date(timedOut.expiresAt).getTime());
      await gate.ack(record.id, { ok: true });
      await statusBecomes(record.id, 'acked');
    });

    it('ignores acks for unknown ids, for another device’s command, and duplicates (counted)', async () => {
      const a = await createDevice('gate');
      const b = await createDevice('gate');
      a.answer = () => null;
      const record = await commands.send(a.id, 'gate.mode', { mode: 'normal' });
      await b.ack(record.id, { ok: true }); // B cannot settle A's command
      await b.ack(randomUUID(), { ok: true });
      await sleep(2000); // the unknown id is looked up once more after 1.5 s
      expect((await command(record.id)).status).toBe('sent');
      await a.ack(record.id, { ok: true });
      await statusBecomes(record.id, 'acked');
      await a.ack(record.id, { ok: false, code: 'FAILED' });
      await sleep(300);
      expect((await command(record.id)).status).toBe('acked');
      const text = await app.get(MetricsService).registry.getSingleMetricAsString('sc_device_acks_ignored_total');
      expect(text).toMatch(/reason="unknown_command"} [2-9]/);
      expect(text).toMatch(/reason="already_settled"} [1-9]/);
    });

    it('sendFast publishes first and writes the row in a batch; the ack still settles it', async () => {
      const gate = await createDevice('gate');
      const eventId = randomUUID();
      const res = await commands.sendFast(gate.id, 'gate.open', { durationMs: 3000, display: 'Welcome home' }, { requestId: eventId });
      expect(res.status).toBe('sent');
      expect(res.command.requestId).toBe(eventId);
      const row = await statusBecomes(res.command.id, 'acked');
      expect(row).toMatchObject({ type: 'gate.open', requestId: eventId, durable: false, attempts: 1 });
      await expect(commands.sendFast(gate.id, 'facelib.sync', { version: 1, full: true, upserts: [], removes: [] })).rejects.toMatchObject({ code: 'COMMAND_DURABLE' });
    });

    it('refuses a command for the wrong kind of device, bad data, an unknown device', async () => {
      const speaker = await createDevice('speaker');
      await expect(commands.send(speaker.id, 'gate.open', { durationMs: 3000 })).rejects.toMatchObject({ code: 'COMMAND_NOT_SUPPORTED' });
      await expect(commands.send(speaker.id, 'speaker.volume', { level: 140, cap: 50 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(commands.send('gate-nope', 'gate.mode', { mode: 'normal' })).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    });
  });

  describe('durable commands', () => {
    it('are published again with backoff until acked (facelib.sync; templates never stored)', async () => {
      const gate = await createDevice('gate');
      await gate.birth('gate');
      await until(async () => (await db.query(`SELECT online FROM devices WHERE id = $1`, [gate.id]))[0].online, 'gate online');
      gate.answer = (_c, nth) => (nth >= 2 ? { ok: true, data: { version: 7 } } : null); // ignores the first delivery
      const upserts = [{ personId: 'p1', embedding: 'AAAAAAAAAAA=', validUntil: null }];
      const record = await commands.send(gate.id, 'facelib.sync', { version: 7, full: true, upserts, removes: [] }, { supersedeKey: 'facelib' });
      expect(record).toMatchObject({ durable: true, supersedeKey: 'facelib', status: 'sent' });
      const acked = await statusBecomes(record.id, 'acked', 15_000);
      expect(acked.attempts).toBeGreaterThanOrEqual(2);
      expect(gate.received(record.id)).toBeGreaterThanOrEqual(2);
      expect(acked.data).toEqual({ version: 7, full: true, upserts: 1, removes: 0 });
      expect(JSON.stringify(acked)).not.toContain('AAAAAAAAAAA=');
      const r = await until(() => results.find((x) => x.commandId === record.id && x.status === 'acked'), 'the result');
      expect(r.data).toEqual({ version: 7 });
    });

    it('a newer command of the same key supersedes an unanswered one, which then stops being retried', async () => {
      const gate = await createDevice('gate');
      await gate.birth('gate');
      await until(async () => (await db.query(`SELECT online FROM devices WHERE id = $1`, [gate.id]))[0].online, 'gate online');
      gate.answer = (c) => ((c.data as { version: number }).version === 2 ? { ok: true } : null);
      const older = await commands.send(gate.id, 'facelib.sync', { version: 1, full: true, upserts: [], removes: [] }, { supersedeKey: 'facelib' });
      const newer = await commands.send(gate.id, 'facelib.sync', { version: 2, full: true, upserts: [], removes: [] }, { supersedeKey: 'facelib' });
      expect((await command(older.id)).status).toBe('superseded');
      await statusBecomes(newer.id, 'acked');
      await until(() => results.some((r) => r.commandId === older.id && r.status === 'superseded'), 'the superseded result');
      await sleep(2500); // past the first retry of the older one
      expect(gate.received(older.id)).toBe(1);
      await gate.ack(older.id, { ok: true }); // a late ack of a superseded command changes nothing
      await sleep(300);
      expect((await command(older.id)).status).toBe('superseded');
    });
  });

  describe('desired config', () => {
    const speakerConfig = { volumeCap: 60, quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' }, maxSessionMinutes: 30 };

    it('PUT stores version n+1, publishes it retained, and the version reported in telemetry clears the drift', async () => {
      const speaker = await createDevice('speaker');
      speaker.answer = () => null;
      const manager = await f.staff([site], 'manager');
      const token = await login(manager.login);
      const put = await http.put(`/api/v1/devices/${speaker.id}/config`).set('Authorization', `Bearer ${token}`).send(speakerConfig);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ deviceId: speaker.id, desiredVersion: 1, reportedVersion: null, drift: true, state: 'unknown' });
      expect(put.body.desired).toMatchObject({ version: 1, ...speakerConfig });
      expect(put.body.delivery).toMatchObject({ status: 'sent' });
      await until(() => speaker.configs.length > 0, 'the config on the device');
      expect(speaker.configs[0]).toMatchObject({ version: 1, volumeCap: 60 });

      // A device that connects later gets it as the retained message.
      const late = await FakeDevice.connect(config.mqtt.url, env.topicRoot, speaker.id);
      fakes.push(late);
      await until(() => late.configs.length > 0, 'the retained config');
      expect(late.configs[0]).toMatchObject({ version: 1 });

      await speaker.telemetry(1);
      const view = await until(async () => {
        const res = await http.get(`/api/v1/devices/${speaker.id}/config`).set('Authorization', `Bearer ${token}`);
        return res.body.delivery?.status === 'acked' ? res.body : null;
      }, 'the config delivery acked');
      expect(view).toMatchObject({ desiredVersion: 1, reportedVersion: 1, drift: false, state: 'in_sync' });

      const audit = await db.query(`SELECT action, "actorAccountId", after FROM audit_log WHERE "entityId" = $1`, [speaker.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'device.config.set', actorAccountId: manager.account.id })]);
    });

    it('a newer version supersedes the pending delivery; an unreported config is published again until reported', async () => {
      const speaker = await createDevice('speaker');
      await speaker.birth('speaker');
      await until(async () => (await db.query(`SELECT online FROM devices WHERE id = $1`, [speaker.id]))[0].online, 'speaker online');
      const configs = app.get(DeviceConfigService);
      const v1 = await configs.setDesired(speaker.id, { volumeCap: 50 });
      const v2 = await configs.setDesired(speaker.id, { volumeCap: 40 });
      expect([v1.desiredVersion, v2.desiredVersion]).toEqual([1, 2]);
      expect((await command(v1.delivery!.commandId)).status).toBe('superseded');
      // Not reported yet: the delivery job publishes it again (the device sees version 2 twice).
      await until(() => speaker.configs.filter((c) => c.version === 2).length >= 2, 'a re-publish of version 2', 10_000);
      expect((await command(v2.delivery!.commandId)).attempts).toBeGreaterThanOrEqual(2);
      await speaker.telemetry(2);
      await statusBecomes(v2.delivery!.commandId, 'acked');
      const retained = await FakeDevice.connect(config.mqtt.url, env.topicRoot, speaker.id);
      fakes.push(retained);
      await until(() => retained.configs.length > 0, 'the retained config');
      expect(retained.configs).toEqual([expect.objectContaining({ version: 2, volumeCap: 40 })]);
    });

    it('validates: speakers by the protocol shape (400 naming the field), gates take any object; staff may read but not write', async () => {
      const speaker = await createDevice('speaker');
      const gate = await createDevice('gate');
      const manager = await login((await f.staff([site], 'manager')).login);
      const staff = await login((await f.staff([site], 'technician')).login);
      const bad = await http.put(`/api/v1/devices/${speaker.id}/config`).set('Authorization', `Bearer ${manager}`).send({ volumeCap: 140, bass: 3 });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'bass', reason: 'is not a config field' }]);
      const tz = await http.put(`/api/v1/devices/${speaker.id}/config`).set('Authorization', `Bearer ${manager}`).send({ quietHours: { ...speakerConfig.quietHours, tz: 'Mars/Base' } });
      expect(tz.status).toBe(400);
      expect(tz.body.details[0].field).toBe('quietHours.tz');
      const g = await http.put(`/api/v1/devices/${gate.id}/config`).set('Authorization', `Bearer ${manager}`).send({ relayMs: 800, display: { brightness: 70 } });
      expect(g.status).toBe(200);
      expect(g.body.desired).toMatchObject({ version: 1, relayMs: 800, display: { brightness: 70 } });
      expect((await http.put(`/api/v1/devices/${gate.id}/config`).set('Authorization', `Bearer ${staff}`).send({ a: 1 })).status).toBe(403);
      expect((await http.get(`/api/v1/devices/${gate.id}/config`).set('Authorization', `Bearer ${staff}`)).status).toBe(200);
    });
  });

  describe('API', () => {
    it('GET /devices/{id}/commands: history newest first, cursor-paginated, filtered by status; other sites get 404', async () => {
      const gate = await createDevice('gate');
      const sent = [];
      for (const mode of ['normal', 'lockdown', 'normal'] as const) sent.push(await commands.send(gate.id, 'gate.mode', { mode }));
      await statusBecomes(sent[2].id, 'acked');
      const token = await login((await f.staff([site], 'technician')).login);
      const p1 = await http.get(`/api/v1/devices/${gate.id}/commands?limit=2`).set('Authorization', `Bearer ${token}`);
      expect(p1.status).toBe(200);
      expect(p1.body.items.map((c: { id: string }) => c.id)).toEqual([sent[2].id, sent[1].id]);
      const p2 = await http.get(`/api/v1/devices/${gate.id}/commands?limit=2&cursor=${p1.body.nextCursor}`).set('Authorization', `Bearer ${token}`);
      expect(p2.body.items.map((c: { id: string }) => c.id)).toEqual([sent[0].id]);
      expect(p2.body.nextCursor).toBeNull();
      const filtered = await http.get(`/api/v1/devices/${gate.id}/commands?status=acked`).set('Authorization', `Bearer ${token}`);
      expect(filtered.body.items.every((c: { status: string }) => c.status === 'acked')).toBe(true);
      const other = await login((await f.staff([await f.site()], 'manager')).login);
      expect((await http.get(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${other}`)).status).toBe(404);
    });

    it('POST /devices/{id}/commands: admins send safe types (audited); others and unsafe types are refused', async () => {
      const gate = await createDevice('gate');
      const admin = await f.staff([site], 'admin');
      const adminToken = await login(admin.login);
      const res = await http.post(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${adminToken}`).send({ type: 'gate.mode', data: { mode: 'emergency_open' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type: 'gate.mode', status: 'sent', createdByAccountId: admin.account.id });
      await statusBecomes(res.body.id, 'acked');
      const audit = await db.query(`SELECT action, after FROM audit_log WHERE "entityId" = $1`, [gate.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'device.command.send', after: expect.objectContaining({ commandId: res.body.id, type: 'gate.mode' }) })]);

      expect((await http.post(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${adminToken}`).send({ type: 'gate.open', data: { durationMs: 3000 } })).status).toBe(400);
      expect((await http.post(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${adminToken}`).send({ type: 'speaker.stop', data: {} })).status).toBe(400);
      expect((await http.post(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${adminToken}`).send({ type: 'gate.mode', data: { mode: 'party' } })).status).toBe(400);
      const manager = await login((await f.staff([site], 'manager')).login);
      expect((await http.post(`/api/v1/devices/${gate.id}/commands`).set('Authorization', `Bearer ${manager}`).send({ type: 'gate.mode', data: { mode: 'normal' } })).status).toBe(403);
    });
  });

  // Last: it takes the publisher's connection down for the rest of the file.
  describe('broker down', () => {
    it('fails fast when the broker connection is down: a short-lived command is failed, never sent later', async () => {
      const gate = await createDevice('gate');
      await app.get(MqttPublisher).raw.endAsync(true);
      const record = await commands.send(gate.id, 'gate.open', { durationMs: 3000 });
      expect(record.status).toBe('failed');
      expect(record.error).toMatchObject({ code: 'BROKER_UNAVAILABLE' });
      expect((await command(record.id)).status).toBe('failed');
      const fast = await commands.sendFast(gate.id, 'gate.deny', { reason: 'not_authorized' });
      expect(fast).toMatchObject({ status: 'failed', error: { code: 'BROKER_UNAVAILABLE' } });
      await statusBecomes(fast.command.id, 'failed');
      await sleep(500);
      expect(gate.commands).toEqual([]);
    });
  });
});
