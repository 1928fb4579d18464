// Shared set-up of the ticket integration specs: a real api (and, when asked, real workers as Nest
// application contexts) on an isolated database and Redis prefix, and a small community.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Building, Site, StaffSkill, Unit } from '@app/community';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, clearRedisPrefix, createTestEnv, startTestApi } from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';

export interface Person {
  id: string;
  accountId: string;
  token: string;
}

export class TicketsWorld {
  env!: TestEnv;
  api!: TestApi;
  db!: DataSource;
  f!: Factories;
  private readonly workers: INestApplicationContext[] = [];

  static async start(label: string, overrides: Record<string, string> = {}): Promise<TicketsWorld> {
    const w = new TicketsWorld();
    w.env = await createTestEnv(label);
    w.api = await startTestApi(w.env, { LOG_LEVEL: 'error', ...overrides });
    w.db = w.api.app.get(DataSource);
    w.f = new Factories(w.db);
    return w;
  }

  /** A real worker (BullMQ processors) in this process, as apps/worker runs it. */
  async startWorker(instanceId: string): Promise<INestApplicationContext> {
    const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.env.config({ INSTANCE_ID: instanceId, LOG_LEVEL: 'error' })), { logger: false });
    ctx.enableShutdownHooks();
    await ctx.init();
    this.workers.push(ctx);
    return ctx;
  }

  async stopWorker(ctx: INestApplicationContext): Promise<void> {
    await ctx.close();
    this.workers.splice(this.workers.indexOf(ctx), 1);
  }

  async close(): Promise<void> {
    for (const w of [...this.workers]) await w.close().catch(() => undefined);
    await this.api?.close();
    await clearRedisPrefix(this.api?.config.redis.url ?? 'redis://127.0.0.1:6379', this.env.redisPrefix).catch(() => undefined);
    await this.env?.drop();
  }

  async token(login: string): Promise<string> {
    const res = await this.api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  async resident(unit: Unit): Promise<Person> {
    const r = await this.f.resident(unit);
    return { id: r.resident.id, accountId: r.account.id, token: await this.token(r.login) };
  }

  async staff(site: Site, position: 'technician' | 'manager' | 'admin' = 'technician', skills: StaffSkill[] = ['general'], onShift = true): Promise<Person> {
    const s = await this.f.staff([site], position, { onShift }, skills);
    return { id: s.staff.id, accountId: s.account.id, token: await this.token(s.login) };
  }

  async community(): Promise<{ site: Site; building: Building; unitA: Unit; unitB: Unit }> {
    const site = await this.f.site();
    const building = await this.f.building(site);
    return { site, building, unitA: await this.f.unit(building), unitB: await this.f.unit(building) };
  }

  get(path: string, who: Person) {
    return this.api.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`);
  }

  post(path: string, who: Person, body: object = {}) {
    return this.api.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body);
  }

  patch(path: string, who: Person, body: object = {}) {
    return this.api.http.patch(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body);
  }

  put(path: string, who: Person, body: object = {}) {
    return this.api.http.put(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body);
  }

  /** Moves a ticket along, failing loudly when the API refuses. */
  async move(ticketId: string, who: Person, to: string, extra: object = {}): Promise<Record<string, unknown>> {
    const current = await this.get(`/tickets/${ticketId}`, who);
    const res = await this.post(`/tickets/${ticketId}/transitions`, who, { to, version: current.body.version, ...extra });
    if (res.status !== 200) throw new Error(`transition to ${to} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async notifications(who: Person): Promise<{ kind: string; title: string; ref: { id: string } | null }[]> {
    return (await this.get('/me/notifications?limit=200', who)).body.items;
  }
}
