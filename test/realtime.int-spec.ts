import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { CoreModule, DomainError, isStaff, TokenService } from '@app/core';
import {
  AccessEventPayload,
  ClientToServerEvents,
  DeviceStatusPayload,
  householdRoom,
  NotificationPayload,
  RealtimeErrorPayload,
  ServerToClientEvents,
  SnapshotPayload,
  staffRoom,
  topicRoom,
  userRoom,
} from '@app/contracts/realtime';
import { Device } from '@app/devices';
import { DeviceStatusEvents } from '@app/devices/presence/device-status-events';
import { CommandHandler, RealtimeAccess, RealtimeCommands, RealtimeModule, RealtimePublisher } from '@app/realtime';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, createTestEnv, startTestApi } from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket.io client that records every event it receives. */
interface TestClient {
  socket: ClientSocket;
  events: { name: string; payload: any }[];
  /** Resolves with the first payload of `name` (after `since`, an index into events) matching `ok`. */
  next<T = any>(name: string, ok?: (p: T) => boolean, timeoutMs?: number, since?: number): Promise<T>;
  received(name: string): any[];
  close(): void;
}

function wrap(socket: ClientSocket): TestClient {
  const events: { name: string; payload: any }[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: string, payload: unknown) => {
    events.push({ name, payload });
    for (const w of [...waiters]) w();
  });
  return {
    socket,
    events,
    received: (name) => events.filter((e) => e.name === name).map((e) => e.payload),
    next: (name, ok = () => true, timeoutMs = 5000, since = 0) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.slice(since).find((e) => e.name === name && ok(e.payload));
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${name}" event within ${timeoutMs} ms; got: ${events.map((e) => e.name).join(', ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => socket.close(),
  };
}

function socketFor(url: string, auth: Record<string, unknown> | ((cb: (data: object) => void) => void), opts: { reconnection?: boolean } = {}): ClientSocket {
  return io(url, { path: '/socket.io', transports: ['websocket'], auth, forceNew: true, reconnection: opts.reconnection ?? false, reconnectionDelay: 100, reconnectionDelayMax: 200 });
}

/** Connects and waits for the connect snapshot (the server joined the rooms before sending it). */
async function connect(url: string, token: string, opts: { reconnection?: boolean } = {}): Promise<TestClient & { snapshot: SnapshotPayload }> {
  const client = wrap(socketFor(url, { token }, opts));
  const snapshot = await client.next<SnapshotPayload>('snapshot', (s) => s.reason === 'connect');
  return Object.assign(client, { snapshot });
}

/** The error a refused handshake produces (`connect_error`). */
function refusal(url: string, auth: Record<string, unknown>): Promise<{ message: string; code?: string }> {
  const socket = socketFor(url, auth);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => {
      socket.close();
      reject(new Error('connected, but should have been refused'));
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ message: err.message, code: err.data?.code });
    });
  });
}

const nowIso = () => new Date().toISOString();
const accessEvent = (p: Partial<AccessEventPayload> & { siteId: string }): AccessEventPayload => ({
  id: randomUUID(),
  version: 1,
  at: nowIso(),
  deviceId: 'gate-00000001',
  method: 'face',
  decision: 'granted',
  ...p,
});
const notification = (title: string): NotificationPayload => ({ id: randomUUID(), version: 1, at: nowIso(), kind: 'test', title });

describe('realtime gateway (real socket.io clients, Redis adapter, two api instances and a worker)', () => {
  let env: TestEnv;
  let apiA: TestApi;
  let apiB: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let f: Factories;
  let world: Awaited<ReturnType<Factories['twoHouseholds']>>;
  let tokens: { a: string; b: string; staff: string; otherStaff: string; admin: string };
  let accounts: { a: string; b: string; staff: string; otherStaff: string };
  let otherSiteId: string;
  const open: TestClient[] = [];
  const track = <T extends TestClient>(c: T): T => {
    open.push(c);
    return c;
  };

  const login = async (loginId: string): Promise<string> => {
    const res = await apiA.http.post('/api/v1/auth/login').send({ login: loginId, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const metric = async (api: TestApi, name: string, labels = ''): Promise<number> => {
    const text = (await api.http.get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
    return line ? Number(line.split(' ')[1]) : 0;
  };
  /** Publishes `notification` to a user and waits for it: every event published earlier has been delivered by then. */
  const barrier = async (client: TestClient, accountId: string, publisher: RealtimePublisher) => {
    const title = `barrier-${randomUUID()}`;
    publisher.toRoom(userRoom(accountId), 'notification', notification(title));
    await client.next<NotificationPayload>('notification', (n) => n.title === title);
  };

  beforeAll(async () => {
    env = await createTestEnv('realtime');
    const overrides = { LOGIN_MAX_PER_IP: '10000', LOGIN_MAX_PER_ACCOUNT: '1000' };
    apiA = await startTestApi(env, { ...overrides, INSTANCE_ID: 'rt-a' });
    apiB = await startTestApi(env, { ...overrides, INSTANCE_ID: 'rt-b' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env.config({ INSTANCE_ID: 'rt-worker' })), { logger: false });
    db = apiA.app.get(DataSource);
    f = new Factories(db);
    world = await f.twoHouseholds();
    const otherSite = await f.site();
    otherSiteId = otherSite.id;
    const staff = await f.staff([world.site], 'technician');
    const otherStaff = await f.staff([otherSite], 'manager');
    const admin = await f.staff([world.site, otherSite], 'admin');
    tokens = { a: await login(world.a.login), b: await login(world.b.login), staff: await login(staff.login), otherStaff: await login(otherStaff.login), admin: await login(admin.login) };
    accounts = { a: world.a.account.id, b: world.b.account.id, staff: staff.account.id, otherStaff: otherStaff.account.id };
    await db.getRepository(Device).save([
      // Seen just now, so the presence sweep leaves it online for the length of this file.
      { id: `gate-${randomUUID().slice(0, 8)}`, kind: 'gate', siteId: world.site.id, name: 'North gate', secretHash: 'x', online: true, onlineChangedAt: new Date(Date.now() - 60_000), lastSeenAt: new Date() },
      { id: `speaker-${randomUUID().slice(0, 8)}`, kind: 'speaker', siteId: world.site.id, name: 'Garden speaker', secretHash: 'x', online: false, onlineChangedAt: new Date(Date.now() - 120_000) },
      { id: `gate-${randomUUID().slice(0, 8)}`, kind: 'gate', siteId: otherSite.id, name: 'Other gate', secretHash: 'x', online: true, onlineChangedAt: new Date(), lastSeenAt: new Date() },
    ]);
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await worker?.close();
    await apiB?.close();
    await apiA?.close();
    await env?.drop();
  });

  describe('handshake', () => {
    it('accepts a valid access token, joins the server-chosen rooms and sends a snapshot', async () => {
      const a = track(await connect(apiA.url, tokens.a));
      expect(a.socket.connected).toBe(true);
      expect(a.snapshot.rooms.sort()).toEqual([householdRoom(world.unitA.id), userRoom(accounts.a)].sort());
      expect(a.snapshot).toMatchObject({ reason: 'connect', version: 1 });
      // Residents do not see device presence.
      expect(a.snapshot.devices).toBeUndefined();

      const staff = track(await connect(apiA.url, tokens.staff));
      expect(staff.snapshot.rooms.sort()).toEqual([staffRoom(world.site.id), userRoom(accounts.staff)].sort());
      const devices = staff.snapshot.devices ?? [];
      expect(devices.map((d) => d.name).sort()).toEqual(['Garden speaker', 'North gate']);
      expect(devices.find((d) => d.name === 'North gate')).toMatchObject({ kind: 'gate', online: true, siteId: world.site.id });
      expect(await metric(apiA, 'sc_realtime_connected_sockets')).toBeGreaterThanOrEqual(2);
    });

    it('refuses a missing, a forged and a garbage token at connect with a code', async () => {
      const before = await metric(apiA, 'sc_realtime_handshakes_rejected_total', '{code="TOKEN_MISSING"}');
      expect(await refusal(apiA.url, {})).toEqual({ message: expect.stringContaining('access token is required'), code: 'TOKEN_MISSING' });
      const forged = new TokenService(env.config({ JWT_ACCESS_SECRET: 'another-secret-another-secret-another-secret' })).signAccess({ accountId: accounts.staff, role: 'admin', siteIds: [], unitIds: [] }).token;
      expect(await refusal(apiA.url, { token: forged })).toEqual({ message: 'Access token invalid', code: 'TOKEN_INVALID' });
      expect(await refusal(apiA.url, { token: 'not-a-jwt' })).toMatchObject({ code: 'TOKEN_INVALID' });
      expect(await metric(apiA, 'sc_realtime_handshakes_rejected_total', '{code="TOKEN_MISSING"}')).toBe(before + 1);
    });

    it('disconnects a socket when its token expires, then refuses that token at connect', async () => {
      // Same secret as the api, shortest allowed lifetime.
      const shortLived = new TokenService(env.config({ JWT_ACCESS_TTL_SECONDS: '5' }));
      const { token, expiresAt } = shortLived.signAccess({ accountId: accounts.a, role: 'resident', residentId: world.a.resident.id, siteIds: [world.site.id], unitIds: [world.unitA.id] });
      const a = track(await connect(apiA.url, token));
      const disconnected = new Promise<string>((resolve) => a.socket.on('disconnect', (reason) => resolve(reason)));
      const expired = await a.next<RealtimeErrorPayload>('error', (e) => e.code === 'TOKEN_EXPIRED', 8000);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 1000);
      // A server-side disconnect: the client does not retry on its own with the stale token.
      expect(await disconnected).toBe('io server disconnect');
      expect(expired.message).toContain('reconnect with a fresh');
      expect(await refusal(apiA.url, { token })).toEqual({ message: 'Access token expired', code: 'TOKEN_EXPIRED' });
    }, 20_000);
  });

  describe('room scoping', () => {
    it("delivers a household's event to that household only, and a site's staff event to that site's staff only", async () => {
      const publisher = apiA.app.get(RealtimePublisher);
      const a = track(await connect(apiA.url, tokens.a));
      const b = track(await connect(apiA.url, tokens.b));
      const staff = track(await connect(apiA.url, tokens.staff));
      const otherStaff = track(await connect(apiA.url, tokens.otherStaff));
      const admin = track(await connect(apiA.url, tokens.admin));

      const visitor = accessEvent({ siteId: world.site.id, unitId: world.unitA.id, personKind: 'visitor', displayName: 'Visitor of 1A' });
      publisher.toRoom(householdRoom(world.unitA.id), 'access.event', visitor);
      const siteEvent = accessEvent({ siteId: world.site.id, decision: 'denied', reason: 'unknown_face' });
      publisher.toRoom(staffRoom(world.site.id), 'access.event', siteEvent);

      expect(await a.next('access.event', (e) => e.id === visitor.id)).toEqual(visitor);
      expect(await staff.next('access.event', (e) => e.id === siteEvent.id)).toEqual(siteEvent);
      expect(await admin.next('access.event', (e) => e.id === siteEvent.id)).toEqual(siteEvent);

      // Barriers: once a later event reached each client, the earlier ones would have too.
      await barrier(b, accounts.b, publisher);
      await barrier(a, accounts.a, publisher);
      expect(b.received('access.event')).toEqual([]);
      expect(a.received('access.event').map((e) => e.id)).toEqual([visitor.id]);
      expect(staff.received('access.event').map((e) => e.id)).toEqual([siteEvent.id]);
      publisher.toRoom(staffRoom(otherSiteId), 'access.event', accessEvent({ siteId: otherSiteId }));
      const otherEvent = await otherStaff.next<AccessEventPayload>('access.event');
      expect(otherEvent.siteId).toBe(otherSiteId);
      expect(otherStaff.received('access.event')).toHaveLength(1);
    });

    it('lets a client follow a topic only when the owning module allows it, and never leave a server-chosen room', async () => {
      const allowed = randomUUID();
      const secret = randomUUID();
      // Stands in for what the tickets module registers at init, on every api instance (a spy, so the
      // test holds whether or not the real module is loaded); `speaker` is left unregistered.
      const ticketTopic = {
        authorize: async (p: { accountId: string }, id: string) => id === allowed && p.accountId !== accounts.b,
        snapshot: async (_p: unknown, id: string) => ({ tickets: [{ id, version: 3, at: nowIso(), siteId: world.site.id, title: 'Leaking pipe', category: 'plumbing', priority: 'normal', status: 'assigned' }] }),
      };
      for (const api of [apiA, apiB]) jest.spyOn(api.app.get(RealtimeAccess), 'get').mockImplementation((topic) => (topic === 'ticket' ? ticketTopic : undefined));
      const publisher = apiA.app.get(RealtimePublisher);
      const a = track(await connect(apiA.url, tokens.a));
      const ack = await a.socket.emitWithAck('subscribe', { topic: 'ticket', id: allowed });
      expect(ack).toEqual({ ok: true, data: { room: topicRoom('ticket', allowed) } });
      const snap = await a.next<SnapshotPayload>('snapshot', (s) => s.reason === 'subscribe');
      expect(snap.tickets?.[0]).toMatchObject({ id: allowed, version: 3, status: 'assigned' });

      const denied = await a.socket.emitWithAck('subscribe', { topic: 'ticket', id: secret });
      expect(denied).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(await a.next<RealtimeErrorPayload>('error', (e) => e.code === 'FORBIDDEN')).toMatchObject({ event: 'subscribe' });
      expect(await a.socket.emitWithAck('subscribe', { topic: 'speaker', id: 'speaker-00000001' })).toMatchObject({ ok: false, error: { code: 'TOPIC_UNAVAILABLE' } });

      // Another resident is refused the same ticket.
      const b = track(await connect(apiB.url, tokens.b));
      expect(await b.socket.emitWithAck('subscribe', { topic: 'ticket', id: allowed })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const update = { id: allowed, version: 4, at: nowIso(), siteId: world.site.id, title: 'Leaking pipe', category: 'plumbing', priority: 'normal', status: 'in_progress', changes: ['status'] };
      publisher.toRoom(topicRoom('ticket', allowed), 'ticket.updated', update);
      expect(await a.next('ticket.updated')).toEqual(update);

      // Unsubscribing a topic works; "unsubscribing" a household is just a topic name that does not exist.
      expect(await a.socket.emitWithAck('unsubscribe', { topic: 'ticket', id: allowed })).toMatchObject({ ok: true });
      expect(await a.socket.emitWithAck('unsubscribe', { topic: 'household' as 'ticket', id: world.unitA.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      publisher.toRoom(topicRoom('ticket', allowed), 'ticket.updated', { ...update, version: 5 });
      const visit = accessEvent({ siteId: world.site.id, unitId: world.unitA.id });
      publisher.toRoom(householdRoom(world.unitA.id), 'access.event', visit);
      await a.next('access.event', (e) => e.id === visit.id);
      await barrier(a, accounts.a, publisher);
      expect(a.received('ticket.updated').map((t) => t.version)).toEqual([4]);
      await barrier(b, accounts.b, publisher);
      expect(b.received('ticket.updated')).toEqual([]);
    });

    it('routes alarm.ack to the handler the access module registered, with its refusals', async () => {
      const seen: string[] = [];
      // Stands in for the access module's handler on api A; api B has none.
      const handler: CommandHandler<'alarm.ack'> = async (p, payload) => {
        if (!isStaff(p)) throw DomainError.forbidden('Only staff acknowledge alarms');
        seen.push(payload.alarmId);
        return { alarmId: payload.alarmId, status: 'acknowledged' };
      };
      jest.spyOn(apiA.app.get(RealtimeCommands), 'get').mockReturnValue(handler as never);
      jest.spyOn(apiB.app.get(RealtimeCommands), 'get').mockReturnValue(undefined);
      const staff = track(await connect(apiA.url, tokens.staff));
      const alarmId = randomUUID();
      expect(await staff.socket.emitWithAck('alarm.ack', { alarmId, note: 'on my way' })).toEqual({ ok: true, data: { alarmId, status: 'acknowledged' } });
      expect(seen).toEqual([alarmId]);
      const a = track(await connect(apiA.url, tokens.a));
      expect(await a.socket.emitWithAck('alarm.ack', { alarmId })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Only staff acknowledge alarms' } });
      // No handler on this instance: a clear refusal, not a hang.
      const onB = track(await connect(apiB.url, tokens.staff));
      expect(await onB.socket.emitWithAck('alarm.ack', { alarmId })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    });
  });

  describe('bad input', () => {
    it('answers garbage with error events and keeps the socket (and everyone else) working', async () => {
      const publisher = apiA.app.get(RealtimePublisher);
      const staff = track(await connect(apiA.url, tokens.staff));
      const s = staff.socket as unknown as Socket;
      s.emit('drop table', { x: 1 });
      s.emit('subscribe', 'ticket');
      s.emit('subscribe', { topic: 'nope', id: 'x' });
      s.emit('subscribe', { topic: 'ticket', id: '../../etc' });
      s.emit('subscribe', { topic: 'ticket', id: 'x' }, { extra: true });
      s.emit('alarm.ack', [1, 2, 3]);
      s.emit('alarm.ack', { alarmId: 'a'.repeat(500) });
      // "error" is an EventEmitter special: unhandled, Node would throw it on the server.
      s.emit('error', 'boom');
      const wanted = 8;
      await staff.next('error', () => staff.received('error').length >= wanted);
      const errors = staff.received('error') as RealtimeErrorPayload[];
      expect(errors.map((e) => e.code)).toEqual(['UNKNOWN_EVENT', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'UNKNOWN_EVENT']);
      expect(errors[0].message).toContain('unknown event "drop table"');
      expect(errors[2].message).toContain('subscribe.topic: must be one of');
      expect(errors[3].message).toContain('subscribe.id');
      expect(staff.socket.connected).toBe(true);

      // A frame socket.io itself cannot parse closes that one connection only.
      const broken = track(await connect(apiA.url, tokens.b));
      const gone = new Promise<string>((resolve) => broken.socket.on('disconnect', (r) => resolve(r)));
      (broken.socket.io.engine as unknown as { send(d: string): void }).send('42["subscribe"');
      expect(await gone).toMatch(/transport close|io server disconnect|parse error/);

      const ev = accessEvent({ siteId: world.site.id });
      publisher.toRoom(staffRoom(world.site.id), 'access.event', ev);
      expect(await staff.next('access.event', (e) => e.id === ev.id)).toEqual(ev);
      expect((await apiA.http.get('/health')).status).toBe(200);
      expect(await metric(apiA, 'sc_realtime_client_messages_total', '{event="other",outcome="unknown_event"}')).toBeGreaterThanOrEqual(1);
    });

    it('rate-limits a flooding client with one error a second, counts it, and keeps it connected', async () => {
      const a = track(await connect(apiA.url, tokens.a));
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => a.socket.emitWithAck('unsubscribe', { topic: 'ticket', id: `t${i}` })));
      const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
      // A burst of 20, then refused (a few ms of refill may let one more through).
      expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(20);
      expect(limited.length).toBeGreaterThanOrEqual(19);
      const rateErrors = (a.received('error') as RealtimeErrorPayload[]).filter((e) => e.code === 'RATE_LIMITED');
      expect(rateErrors).toHaveLength(1);
      expect(rateErrors[0].retryAfterMs).toBeGreaterThan(0);
      expect(a.socket.connected).toBe(true);
      expect(await metric(apiA, 'sc_realtime_client_messages_total', '{event="unsubscribe",outcome="rate_limited"}')).toBeGreaterThanOrEqual(20);
      // The budget refills: a second later the client is served again.
      await new Promise((r) => setTimeout(r, 1100));
      expect(await a.socket.emitWithAck('unsubscribe', { topic: 'ticket', id: 'later' })).toMatchObject({ ok: true });
    });
  });

  describe('publishing from the worker', () => {
    it('delivers an event published by the worker (its own app context and Redis emitter)', async () => {
      const staff = track(await connect(apiA.url, tokens.staff));
      const a = track(await connect(apiA.url, tokens.a));
      const alarm = { id: randomUUID(), version: 1, at: nowIso(), siteId: world.site.id, deviceId: 'gate-00000001', kind: 'forced_open' as const, status: 'open' as const, raisedAt: nowIso() };
      worker.get(RealtimePublisher).toRoom(staffRoom(world.site.id), 'access.alarm', alarm);
      expect(await staff.next('access.alarm')).toEqual(alarm);
      await barrier(a, accounts.a, worker.get(RealtimePublisher));
      expect(a.received('access.alarm')).toEqual([]);
    });

    it('bridges device presence transitions (as the silence sweep emits them) to the site\'s staff as device.status', async () => {
      // A worker-like context of its own: core, the devices lib's presence seam, realtime for the worker.
      @Module({ providers: [DeviceStatusEvents], exports: [DeviceStatusEvents] })
      class PresenceSeam {}
      @Module({})
      class BridgeApp {}
      const ctx = await NestFactory.createApplicationContext(
        { module: BridgeApp, imports: [CoreModule.forRoot(env.config({ INSTANCE_ID: 'rt-bridge' })), PresenceSeam, RealtimeModule.forWorker()] },
        { logger: false },
      );
      try {
        const staff = track(await connect(apiA.url, tokens.staff));
        const other = track(await connect(apiA.url, tokens.otherStaff));
        const at = new Date();
        ctx.get(DeviceStatusEvents).emit({ deviceId: 'gate-0000beef', siteId: world.site.id, kind: 'gate', online: false, reason: 'silent', at });
        expect(await staff.next('device.status', (d) => d.id === 'gate-0000beef')).toEqual({ id: 'gate-0000beef', version: at.getTime(), at: at.toISOString(), siteId: world.site.id, kind: 'gate', online: false, reason: 'silent' });
        await barrier(other, accounts.otherStaff, ctx.get(RealtimePublisher));
        expect(other.received('device.status')).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  });

  describe('device presence, end to end', () => {
    it("pushes the worker's silence sweep to the site's staff: a gate that stopped reporting goes offline on screen", async () => {
      const staff = track(await connect(apiA.url, tokens.staff));
      const other = track(await connect(apiA.url, tokens.otherStaff));
      const id = `gate-${randomUUID().slice(0, 8)}`;
      // Online, but last heard from ten minutes ago: the next sweep (every second in tests) marks it offline.
      await db.getRepository(Device).save({ id, kind: 'gate', siteId: world.site.id, name: 'Silent gate', secretHash: 'x', online: true, onlineChangedAt: new Date(Date.now() - 3_600_000), lastSeenAt: new Date(Date.now() - 600_000) });
      const status = await staff.next<DeviceStatusPayload>('device.status', (d) => d.id === id, 15_000);
      expect(status).toMatchObject({ id, siteId: world.site.id, kind: 'gate', online: false, reason: 'silent' });
      const row = await db.getRepository(Device).findOneByOrFail({ id });
      expect(status.version).toBe(row.onlineChangedAt!.getTime());
      await barrier(other, accounts.otherStaff, apiA.app.get(RealtimePublisher));
      expect(other.received('device.status').filter((d) => d.id === id)).toEqual([]);
    });
  });

  describe('reconnection', () => {
    it('sends a fresh snapshot after a dropped connection, reflecting what changed meanwhile', async () => {
      let handshakes = 0;
      const client = track(wrap(socketFor(apiA.url, (cb) => {
        handshakes++;
        cb({ token: tokens.staff });
      }, { reconnection: true })));
      const first = await client.next<SnapshotPayload>('snapshot');
      const gate = first.devices!.find((d) => d.name === 'North gate')!;
      expect(gate.online).toBe(true);

      // The gate went offline while the client was away.
      const changedAt = new Date();
      await db.getRepository(Device).update({ id: gate.id }, { online: false, onlineChangedAt: changedAt });
      const count = client.events.length;
      client.socket.io.engine.close();
      const second = await client.next<SnapshotPayload>('snapshot', () => true, 10_000, count);
      expect(handshakes).toBe(2);
      expect(second.id).not.toBe(first.id);
      expect(second.devices!.find((d) => d.id === gate.id)).toMatchObject({ online: false, version: changedAt.getTime() });
      expect(second.devices!.find((d) => d.id === gate.id)!.version).toBeGreaterThan(gate.version);
    });
  });

  describe('scale-out', () => {
    it('delivers one publish to clients on both api instances, exactly once each', async () => {
      const onA = track(await connect(apiA.url, tokens.staff));
      const onB = track(await connect(apiB.url, tokens.staff));
      const ev = accessEvent({ siteId: world.site.id });
      worker.get(RealtimePublisher).toRoom(staffRoom(world.site.id), 'access.event', ev);
      expect(await onA.next('access.event', (e) => e.id === ev.id)).toEqual(ev);
      expect(await onB.next('access.event', (e) => e.id === ev.id)).toEqual(ev);
      // Published from api B's process too: reaches the client on A.
      const fromB = accessEvent({ siteId: world.site.id });
      apiB.app.get(RealtimePublisher).toRoom(staffRoom(world.site.id), 'access.event', fromB);
      expect(await onA.next('access.event', (e) => e.id === fromB.id)).toEqual(fromB);
      await barrier(onA, accounts.staff, apiA.app.get(RealtimePublisher));
      await barrier(onB, accounts.staff, apiA.app.get(RealtimePublisher));
      expect(onA.received('access.event').filter((e) => e.id === ev.id)).toHaveLength(1);
      expect(onB.received('access.event').filter((e) => e.id === ev.id)).toHaveLength(1);
    });
  });
});
