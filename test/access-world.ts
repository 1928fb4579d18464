// Shared set-up of the access integration tests: a site with two households, staff, gates as bare
// MQTT clients that record the commands they receive (and ack them), and synthetic faces.
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { capture, createSeededRng, DEFAULT_CAPTURE_NOISE, encodeEmbedding, impostor, trueFace } from '@app/contracts/embedding';
import { Building, Site, Unit } from '@app/community';
import { asUser, connectTestDevice, Factories, signIn, TestApi, TEST_PASSWORD, TestEnv, waitFor } from '@app/testing';

export const MQTT_URL = 'mqtt://127.0.0.1:1883';
export const FACE_SEED = 'access-int';

export interface Command {
  id: string;
  type: string;
  requestId?: string;
  expiresAt: string;
  data: Record<string, unknown>;
}

export interface TestGate {
  id: string;
  client: MqttClient;
  commands: Command[];
  /** Ack every command this way (true: ok; false: say nothing). */
  autoAck: boolean;
  face(personKey: string | null, opts?: { liveness?: number; id?: string }): Promise<string>;
  qr(token: string, id?: string): Promise<string>;
  event(type: string, data: Record<string, unknown>, id?: string): Promise<string>;
  answerTo(requestId: string, timeoutMs?: number): Promise<Command | undefined>;
  answersTo(requestId: string): Command[];
  close(): Promise<void>;
}

let rngCounter = 0;

export function embeddingOf(personKey: string): string {
  return encodeEmbedding(trueFace(FACE_SEED, personKey));
}

export function captureOf(personKey: string | null): string {
  const rng = createSeededRng(`capture-${rngCounter++}`);
  return encodeEmbedding(personKey === null ? impostor(rng) : capture(trueFace(FACE_SEED, personKey), DEFAULT_CAPTURE_NOISE, rng));
}

export async function connectGate(env: TestEnv, id: string): Promise<TestGate> {
  const dev = await connectTestDevice(MQTT_URL, env.topicRoot, id);
  const commands: Command[] = [];
  const gate: TestGate = {
    id,
    client: dev.client,
    commands,
    autoAck: true,
    face: (personKey, opts = {}) => dev.publishEvent('access.face', { embedding: captureOf(personKey), dim: 512, liveness: opts.liveness ?? 0.97 }, opts.id),
    qr: (token, eventId) => dev.publishEvent('access.qr', { token }, eventId),
    event: (type, data, eventId) => dev.publishEvent(type, data, eventId),
    answerTo: async (requestId, timeoutMs = 8000) => {
      const found = await waitFor(async () => commands.find((c) => c.requestId === requestId), (c) => !!c, timeoutMs, 20);
      return found;
    },
    answersTo: (requestId) => commands.filter((c) => c.requestId === requestId),
    close: () => dev.close(),
  };
  dev.client.on('message', (topic, payload) => {
    if (!topic.endsWith('/commands')) return;
    const cmd = JSON.parse(payload.toString()) as Command;
    commands.push(cmd);
    if (gate.autoAck) {
      const ack = cmd.type === 'facelib.sync' ? { commandId: cmd.id, ok: true, ts: new Date().toISOString(), data: { version: cmd.data.version } } : { commandId: cmd.id, ok: true, ts: new Date().toISOString() };
      dev.client.publish(`${env.topicRoot}/devices/${id}/acks`, JSON.stringify(ack), { qos: 1 });
    }
  });
  await dev.client.subscribeAsync(`${env.topicRoot}/devices/${id}/commands`, { qos: 1 });
  return gate;
}

export interface World {
  site: Site;
  building: Building;
  unitA: Unit;
  unitB: Unit;
  a: { id: string; token: string; accountId: string };
  a2: { id: string; token: string; accountId: string };
  b: { id: string; token: string; accountId: string };
  admin: string;
  manager: string;
  technician: string;
  otherSiteManager: string;
  perimeter: string[];
  door: string;
}

/** Site S: building with units A (residents a, a2) and B (resident b); two perimeter gates and a door of the building. */
export async function buildWorld(api: TestApi, db: DataSource): Promise<World> {
  const f = new Factories(db);
  const site = await f.site();
  const other = await f.site();
  const building = await f.building(site);
  const unitA = await f.unit(building);
  const unitB = await f.unit(building);
  const person = async (unit: Unit) => {
    const r = await f.resident(unit);
    return { id: r.resident.id, accountId: r.account.id, token: await signIn(api, r.login, TEST_PASSWORD) };
  };
  const staffToken = async (sites: Site[], position: 'admin' | 'manager' | 'technician') => signIn(api, (await f.staff(sites, position)).login, TEST_PASSWORD);
  const admin = await staffToken([site], 'admin');
  const provision = async (name: string, buildingId?: string) => {
    const res = await asUser(api, admin).post('/devices', { kind: 'gate', siteId: site.id, name, ...(buildingId ? { buildingId } : {}) });
    if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  return {
    site,
    building,
    unitA,
    unitB,
    a: await person(unitA),
    a2: await person(unitA),
    b: await person(unitB),
    admin,
    manager: await staffToken([site], 'manager'),
    technician: await staffToken([site], 'technician'),
    otherSiteManager: await staffToken([other], 'manager'),
    perimeter: [await provision(`North gate ${randomUUID().slice(0, 4)}`), await provision(`South gate ${randomUUID().slice(0, 4)}`)],
    door: await provision(`Door ${randomUUID().slice(0, 4)}`, building.id),
  };
}

export const consent = { given: true, noticeVersion: 'privacy-2026-01', channel: 'app' };

export interface Received {
  event: string;
  payload: Record<string, any>;
}

/** A socket.io client of the realtime gateway that records every event it gets (after its snapshot). */
export async function listen(url: string, token: string): Promise<{ socket: Socket; received: Received[] }> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  const received: Received[] = [];
  socket.onAny((event: string, payload: Record<string, any>) => received.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, received };
}
