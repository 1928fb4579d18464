// Shared set-up of the speaker integration specs: a real api and worker (Nest application context)
// on an isolated database, Redis prefix and topic root, simulated speakers (devices-sim) on the real
// Mosquitto, residents and staff with tokens, and socket.io clients for the live pushes.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { ClientToServerEvents, ServerToClientEvents } from '@app/contracts/realtime';
import { Site, Unit } from '@app/community';
import { SimSpeaker, type SimSpeakerOptions } from '@app/devices-sim';
import { MetricsService } from '@app/core';
import { asUser, clearRedisPrefix, createTestEnv, Factories, startTestApi, TEST_PASSWORD, TestApi, TestEnv } from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';

export const SITE_TZ = 'Asia/Shanghai';

export interface Person {
  residentId: string;
  accountId: string;
  token: string;
}

export interface PlacedSpeaker {
  id: string;
  sim: SimSpeaker;
}

/** A socket.io client that records every event it receives. */
export interface LiveClient {
  events: { name: string; payload: any }[];
  /** The snapshot sent at connect. */
  snapshot: any;
  /** Sends a client message and resolves with its ack. */
  ask(event: 'subscribe' | 'unsubscribe', payload: { topic: 'speaker' | 'announcement'; id: string }): Promise<any>;
  next<T = any>(name: string, ok?: (p: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(stepMs);
  }
}

/** HH:mm in the site's zone, `minutes` from now (quiet hours and opening hours around the test's clock). */
export function clockIn(minutes: number): string {
  return DateTime.now().setZone(SITE_TZ).plus({ minutes }).toFormat('HH:mm');
}

/** Rules that keep quiet hours far from now, so a run at any time of day is not in them. */
export function daytimeRules(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { quietHours: { from: clockIn(360), to: clockIn(420), volumeCap: 20 }, ...extra };
}

export class SpeakersWorld {
  env!: TestEnv;
  api!: TestApi;
  db!: DataSource;
  f!: Factories;
  site!: Site;
  unit!: Unit;
  worker: INestApplicationContext | null = null;
  admin!: string;
  manager!: string;
  technician!: string;
  technicianStaffId!: string;
  readonly sims: SimSpeaker[] = [];
  private readonly clients: LiveClient[] = [];

  static async start(label: string): Promise<SpeakersWorld> {
    const w = new SpeakersWorld();
    w.env = await createTestEnv(label);
    w.api = await startTestApi(w.env, { LOGIN_MAX_PER_IP: '10000', LOGIN_MAX_PER_ACCOUNT: '1000', INSTANCE_ID: `${label}-api` });
    w.db = w.api.app.get(DataSource);
    w.f = new Factories(w.db);
    await w.startWorker();
    w.site = await w.f.site({ timezone: SITE_TZ });
    const building = await w.f.building(w.site);
    w.unit = await w.f.unit(building);
    w.admin = await w.token((await w.f.staff([w.site], 'admin')).login);
    w.manager = await w.token((await w.f.staff([w.site], 'manager')).login);
    const tech = await w.f.staff([w.site], 'technician');
    w.technician = await w.token(tech.login);
    w.technicianStaffId = tech.staff.id;
    return w;
  }

  /** The worker (BullMQ processors: speaker timers, sweep) as a Nest application context in this process. */
  async startWorker(): Promise<void> {
    const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.env.config({ INSTANCE_ID: `w-${randomBytes(2).toString('hex')}` })), { logger: false });
    await ctx.init();
    this.worker = ctx;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  async token(login: string): Promise<string> {
    const res = await this.api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  async resident(): Promise<Person> {
    const r = await this.f.resident(this.unit);
    return { residentId: r.resident.id, accountId: r.account.id, token: await this.token(r.login) };
  }

  as(token: string) {
    return asUser(this.api, token);
  }

  /** Provisions a speaker over the API, starts its simulator and waits until the backend sees it online. */
  async speaker(name: string, announcementMs = 3000, options: Pick<SimSpeakerOptions, 'reportsPlayed'> = {}): Promise<PlacedSpeaker> {
    const res = await this.as(this.admin).post('/devices', { kind: 'speaker', siteId: this.site.id, name });
    if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
    const sim = new SimSpeaker({
      deviceId: res.body.id,
      password: res.body.credentials.password,
      mqttUrl: this.api.config.mqtt.url,
      topicRoot: this.env.topicRoot,
      telemetryPeriodMs: 1000,
      reconnectDelayMs: 200,
      announcementMs,
      ...options,
    });
    this.sims.push(sim);
    sim.start();
    await sim.waitOnline();
    await this.deviceOnline(res.body.id, true);
    return { id: res.body.id, sim };
  }

  /** A second simulator for the same device (after a crash: power comes back). */
  async restartSim(placed: PlacedSpeaker, announcementMs = 3000): Promise<PlacedSpeaker> {
    const old = placed.sim;
    const sim = new SimSpeaker({ deviceId: old.deviceId, password: 'x', mqttUrl: this.api.config.mqtt.url, topicRoot: this.env.topicRoot, telemetryPeriodMs: 1000, reconnectDelayMs: 200, announcementMs });
    this.sims.push(sim);
    sim.start();
    await sim.waitOnline();
    return { id: placed.id, sim };
  }

  async deviceOnline(id: string, online: boolean): Promise<void> {
    await until(`${id} ${online ? 'online' : 'offline'}`, async () => {
      const [d] = (await this.db.query(`SELECT online FROM devices WHERE id = $1`, [id])) as { online: boolean }[];
      return d?.online === online;
    });
  }

  async zone(name: string, rules: Record<string, unknown>, timings: Record<string, number> = {}): Promise<{ id: string }> {
    const res = await this.as(this.manager).post('/speaker-zones', { siteId: this.site.id, name, rules, timings });
    if (res.status !== 201) throw new Error(`zone failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async place(speaker: PlacedSpeaker, zoneId: string): Promise<void> {
    const res = await this.as(this.manager).put(`/speakers/${speaker.id}/zone`, { zoneId });
    if (res.status !== 200) throw new Error(`assign failed: ${res.status} ${JSON.stringify(res.body)}`);
    // The zone's config reaches the speaker (retained config, applied live).
    await until('config applied', () => (speaker.sim.config?.version ?? 0) > 0);
  }

  /** The speaker's reducer state, straight from the database. */
  async state(speakerId: string): Promise<any> {
    const [row] = (await this.db.query(`SELECT state FROM speakers WHERE "deviceId" = $1`, [speakerId])) as { state: any }[];
    return row?.state;
  }

  async record(sessionId: string): Promise<any> {
    const [row] = (await this.db.query(`SELECT * FROM speaker_sessions WHERE id = $1`, [sessionId])) as any[];
    return row;
  }

  /** Requests a session and pairs the phone with its code: returns the session id. */
  async connect(person: Person, speaker: PlacedSpeaker): Promise<string> {
    const res = await this.as(person.token).post(`/speakers/${speaker.id}/sessions`);
    if (res.status !== 201 || res.body.status !== 'pairing') throw new Error(`expected pairing: ${res.status} ${JSON.stringify(res.body)}`);
    await until('pairing window on the speaker', () => speaker.sim.pairPhone(res.body.code, randomMac()));
    await until('session connected', async () => (await this.state(speaker.id))?.session?.phase === 'connected');
    return res.body.sessionId as string;
  }

  live(token: string): Promise<LiveClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.api.url, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
    const events: { name: string; payload: any }[] = [];
    const waiters = new Set<() => void>();
    socket.onAny((name: string, payload: unknown) => {
      events.push({ name, payload });
      for (const w of [...waiters]) w();
    });
    const client: LiveClient = {
      events,
      snapshot: null,
      ask: (event, payload) => new Promise((resolve) => socket.emit(event, payload as never, (r: unknown) => resolve(r))),
      next: (name, ok = () => true, timeoutMs = 10_000) =>
        new Promise((resolve, reject) => {
          const check = () => {
            const hit = events.find((e) => e.name === name && ok(e.payload));
            if (!hit) return false;
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.payload);
            return true;
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`no matching "${name}" within ${timeoutMs} ms; got ${events.map((e) => `${e.name}${e.payload?.kind ? `(${e.payload.kind})` : ''}`).join(', ')}`));
          }, timeoutMs);
          if (!check()) waiters.add(check);
        }),
      close: () => socket.close(),
    };
    this.clients.push(client);
    return client.next('snapshot').then((snapshot) => Object.assign(client, { snapshot }));
  }

  /** A counter from the api's /metrics, or the worker's registry (0 when the series does not exist yet). */
  async metric(name: string, labels: string, from: 'api' | 'worker' = 'api'): Promise<number> {
    const text = from === 'api' ? (await this.api.http.get('/metrics')).text : await this.worker!.get(MetricsService).registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
    return line ? Number(line.split(' ')[1]) : 0;
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.close();
    await Promise.all(this.sims.map((s) => s.stop().catch(() => undefined)));
    await this.stopWorker().catch(() => undefined);
    await this.api?.close();
    await clearRedisPrefix(this.api?.config.redis.url ?? 'redis://127.0.0.1:6379', this.env.redisPrefix).catch(() => undefined);
    await this.env?.drop();
  }
}

export function randomMac(): string {
  return Array.from(randomBytes(6))
    .map((b) => b.toString(16).padStart(2, '0').toUpperCase())
    .join(':');
}
