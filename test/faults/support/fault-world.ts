// One simulated community under test for a fault scenario: private Postgres, Redis and Mosquitto
// (the fault may hit any of them), the api and the worker as child processes (they can be killed
// with SIGKILL), simulated gates and speakers in this process, and an observer of every command
// the backend publishes. The world never touches the machine's shared services.
import { randomBytes } from 'node:crypto';
import mqtt, { MqttClient } from 'mqtt';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { COMMUNITY_ENTITIES, Site, Unit } from '@app/community';
import { encodeEmbedding, trueFace } from '@app/contracts/embedding';
import type { DeviceCommand } from '@app/contracts';
import { SimGate, SimSpeaker, type SimFaults } from '@app/devices-sim';
// Only the process helpers of libs/testing: its index also loads the whole api app into jest.
import { AppProcess, spawnApp } from '@app/testing/api-process';
import { waitFor } from '@app/testing/device-clients';
import { Factories, TEST_PASSWORD } from '@app/testing/factories';
import { MosquittoProcess, startMosquitto } from '@app/testing/mosquitto-process';
import { clearRedisPrefix } from '@app/testing/redis-prefix';
import { createTemplateDatabase, createTestEnv, dropRunDatabases, TestEnv } from '@app/testing/test-env';
import { FaultLedger } from './fault-ledger';
import { PrivatePostgres, PrivateRedis, startPrivatePostgres, startPrivateRedis } from './private-services';

export const FACE_SEED = 'fault-suite';
const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';
const consent = { given: true, noticeVersion: 'fault-suite', channel: 'console' };

export interface FaultWorldOptions {
  label: string;
  gates: number;
  speakers?: number;
  /** Residents with enrolled faces (who scan at the gates). */
  residents?: number;
  gateFaults?: SimFaults;
  /** Redis with AOF (production) or without persistence. */
  redisAppendOnly?: boolean;
  apiEnv?: Record<string, string>;
  /**
   * private (default): own Postgres, Redis and Mosquitto, which the scenario may fault. shared: the
   * machine's Postgres (a database of its own) and Redis (a key prefix of its own) with a private
   * broker, for long runs that fault nothing (the soak).
   */
  services?: 'private' | 'shared';
}

export interface Person {
  residentId: string;
  accountId: string;
  login: string;
  unitId: string;
}

export class FaultWorld {
  pg!: PrivatePostgres;
  redis!: PrivateRedis;
  broker!: MosquittoProcess;
  db!: Pool;
  api!: AppProcess;
  worker!: AppProcess;
  site!: Site;
  unit!: Unit;
  readonly ledger = new FaultLedger();
  readonly gates: SimGate[] = [];
  readonly speakers: SimSpeaker[] = [];
  readonly residents: Person[] = [];
  adminLogin!: string;
  managerLogin!: string;
  technicianLogin!: string;
  topicRoot!: string;
  private baseEnv!: Record<string, string>;
  private sharedEnv: TestEnv | null = null;
  private observer: MqttClient | null = null;
  private readonly tokens = new Map<string, string>();

  constructor(readonly options: FaultWorldOptions) {}

  static async start(options: FaultWorldOptions): Promise<FaultWorld> {
    const w = new FaultWorld(options);
    try {
      await w.boot();
    } catch (err) {
      await w.close();
      throw err;
    }
    return w;
  }

  private async boot(): Promise<void> {
    const o = this.options;
    const suffix = randomBytes(3).toString('hex');
    let dbUrl: string;
    let redisUrl: string;
    if (o.services === 'shared') {
      await createTemplateDatabase();
      this.sharedEnv = await createTestEnv(o.label);
      this.broker = await startMosquitto({ anonymous: true });
      dbUrl = this.sharedEnv.databaseUrl;
      redisUrl = SHARED_REDIS_URL;
    } else {
      [this.pg, this.redis, this.broker] = await Promise.all([startPrivatePostgres(), startPrivateRedis({ appendOnly: o.redisAppendOnly ?? true }), startMosquitto({ anonymous: true })]);
      dbUrl = await this.pg.createDatabase(`sc_fault_${o.label.replace(/[^a-z0-9]/gi, '').toLowerCase()}`);
      redisUrl = this.redis.url;
    }
    this.topicRoot = `f-${suffix}/v1`;
    this.baseEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `f-${suffix}`,
      MQTT_URL: this.broker.url,
      MQTT_TOPIC_ROOT: this.topicRoot,
      MQTT_CLIENT_ID_PREFIX: `f-${suffix}`,
      MQTT_INGEST_CONSUMERS: '2',
      DEVICE_PRESENCE_SWEEP_SECONDS: '5',
      LOGIN_MAX_PER_IP: '100000',
      LOGIN_MAX_PER_ACCOUNT: '1000',
      JWT_ACCESS_TTL_SECONDS: '86400',
      ...o.apiEnv,
    };
    // The api migrates at start (advisory lock); the worker waits for it so both do not race the first run.
    await this.startApi();
    await this.startWorker();
    this.db = new Pool({ connectionString: dbUrl, max: 3 });
    this.db.on('error', () => undefined); // Postgres stopped under it: queries fail, the pool recovers
    await this.seed();
    await this.startObserver();
    await this.startDevices();
  }

  // ---- processes -------------------------------------------------------------------------------

  async startApi(): Promise<void> {
    this.api = await spawnApp('api', { ...this.baseEnv, INSTANCE_ID: 'fault-api' }, 120_000);
  }

  async startWorker(): Promise<void> {
    // The worker says "started" at info level, which spawnApp waits for.
    this.worker = await spawnApp('worker', { ...this.baseEnv, INSTANCE_ID: 'fault-worker', LOG_LEVEL: 'info' }, 120_000);
  }

  // ---- seed ------------------------------------------------------------------------------------

  private async seed(): Promise<void> {
    const ds = await new DataSource({ type: 'postgres', url: this.baseEnv.DATABASE_URL, entities: COMMUNITY_ENTITIES }).initialize();
    try {
      const f = new Factories(ds);
      this.site = await f.site();
      const building = await f.building(this.site);
      this.unit = await f.unit(building);
      this.adminLogin = (await f.staff([this.site], 'admin')).login;
      this.managerLogin = (await f.staff([this.site], 'manager')).login;
      this.technicianLogin = (await f.staff([this.site], 'technician', {}, ['plumbing', 'general'])).login;
      for (let i = 0; i < (this.options.residents ?? 30); i++) {
        const unit = i % 2 === 0 ? this.unit : await f.unit(building);
        const r = await f.resident(unit);
        this.residents.push({ residentId: r.resident.id, accountId: r.account.id, login: r.login, unitId: unit.id });
      }
    } finally {
      await ds.destroy();
    }
    const manager = await this.token(this.managerLogin);
    for (const r of this.residents) {
      const res = await this.http('POST', `/residents/${r.residentId}/face`, manager, { embedding: encodeEmbedding(trueFace(FACE_SEED, r.residentId)), consent });
      if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  /** A bearer token for a login (cached; tokens live a day here). */
  async token(login: string): Promise<string> {
    const known = this.tokens.get(login);
    if (known) return known;
    const res = await this.http('POST', '/auth/login', null, { login, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const token = (res.body as { accessToken: string }).accessToken;
    this.tokens.set(login, token);
    return token;
  }

  /** JSON over HTTP to the current api process (/api/v1); network errors come back as status 0. */
  async http<T = unknown>(method: string, p: string, token: string | null, body?: unknown, raw?: { contentType: string; payload: string }): Promise<{ status: number; body: T }> {
    try {
      const res = await fetch(`${this.api.url}/api/v1${p}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(raw ? { 'content-type': raw.contentType } : body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: raw ? raw.payload : body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (e.g. an HTML error page); keep the text
      }
      return { status: res.status, body: parsed as T };
    } catch {
      return { status: 0, body: undefined as T };
    }
  }

  // ---- devices ---------------------------------------------------------------------------------

  private async provision(kind: 'gate' | 'speaker', name: string): Promise<{ id: string; password: string }> {
    const res = await this.http<{ id: string; credentials: { password: string } }>('POST', '/devices', await this.token(this.adminLogin), { kind, siteId: this.site.id, name });
    if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, password: res.body.credentials.password };
  }

  private async startDevices(): Promise<void> {
    const o = this.options;
    for (let i = 0; i < o.gates; i++) {
      const d = await this.provision('gate', `Fault gate ${i}`);
      const gate = new SimGate({ deviceId: d.id, password: d.password, mqttUrl: this.broker.url, topicRoot: this.topicRoot, faceSeed: FACE_SEED, seed: i, reconnectDelayMs: 250, faults: o.gateFaults });
      gate.on('event-queued', ({ id, type }) => this.ledger.queued(gate.deviceId, id, type));
      gate.on('command', ({ command }) => this.ledger.executed(command, gate.now()));
      this.gates.push(gate);
    }
    for (let i = 0; i < (o.speakers ?? 0); i++) {
      const d = await this.provision('speaker', `Fault speaker ${i}`);
      this.speakers.push(new SimSpeaker({ deviceId: d.id, password: d.password, mqttUrl: this.broker.url, topicRoot: this.topicRoot, seed: i, reconnectDelayMs: 250, telemetryPeriodMs: 5000, announcementMs: 1000 }));
    }
    const devices = [...this.gates, ...this.speakers];
    devices.forEach((d) => d.start());
    await Promise.all(devices.map((d) => d.waitOnline(20_000)));
    // Offline decisions need each gate's synced face library.
    const synced = await waitFor(async () => this.gates.every((g) => g.faceLibrary.size === this.residents.length), (ok) => ok, 30_000, 200);
    if (!synced) throw new Error('face libraries not synced to the gates');
  }

  /** Subscribes (persistent session, QoS 1) to every device's commands: what the backend published. */
  private async startObserver(): Promise<void> {
    this.observer = await mqtt.connectAsync(this.broker.url, { clientId: `fault-observer-${this.topicRoot.split('/')[0]}`, clean: false, reconnectPeriod: 300 });
    this.observer.on('message', (_topic, payload) => {
      try {
        this.ledger.published(JSON.parse(payload.toString()) as DeviceCommand);
      } catch {
        // not a command envelope; the suite only counts commands
      }
    });
    await this.observer.subscribeAsync(`${this.topicRoot}/devices/+/commands`, { qos: 1 });
  }

  // ---- waiting and counting --------------------------------------------------------------------

  /** Waits until every gate's outbox is empty and every event it sent is stored (or the timeout). */
  async settle(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await Promise.all(this.gates.map((g) => g.drain(timeoutMs)));
    const ids = () => this.ledger.eventIds();
    await waitFor(
      async () => (await this.storedIds(ids())).size,
      (n) => n >= ids().length,
      Math.max(1000, deadline - Date.now()),
      500,
    );
  }

  /** Which of these event ids are in device_events (the access log reads the same rows). */
  async storedIds(ids: string[]): Promise<Set<string>> {
    try {
      const rows: { eventId: string }[] = (await this.db.query(`SELECT "eventId" FROM device_events WHERE "eventId" = ANY($1::uuid[])`, [ids])).rows;
      return new Set(rows.map((r) => r.eventId));
    } catch {
      return new Set();
    }
  }

  /** Total rows for these ids, duplicates included (the primary key should make it = distinct ids). */
  async storedRowCount(ids: string[]): Promise<number> {
    return Number((await this.db.query(`SELECT count(*)::int AS n FROM device_events WHERE "eventId" = ANY($1::uuid[])`, [ids])).rows[0].n);
  }

  /** A counter from the api's /metrics (summed over labels matching `labelFilter`). */
  async metric(name: string, labelFilter = ''): Promise<number> {
    const text = await (await fetch(`${this.api.url}/metrics`)).text();
    let sum = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith(name)) continue;
      const m = /^(\S+?)(\{[^}]*\})? (\S+)$/.exec(line);
      if (m && m[1] === name && (m[2] ?? '').includes(labelFilter)) sum += Number(m[3]);
    }
    return sum;
  }

  async close(): Promise<void> {
    await Promise.all([...this.gates, ...this.speakers].map((d) => d.stop().catch(() => undefined)));
    await this.observer?.endAsync().catch(() => undefined);
    await this.api?.kill9();
    await this.worker?.kill9();
    await this.db?.end().catch(() => undefined);
    await Promise.all([this.pg?.destroy(), this.redis?.destroy(), this.broker?.stop()].map((p) => p?.catch(() => undefined)));
    if (this.sharedEnv) {
      await clearRedisPrefix(SHARED_REDIS_URL, this.baseEnv.REDIS_KEY_PREFIX).catch(() => undefined);
      await dropRunDatabases().catch(() => undefined);
    }
  }
}
