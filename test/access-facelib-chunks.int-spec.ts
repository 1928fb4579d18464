// A full face library larger than one message reaches a simulated gate in chunks, one after the
// other, each acked before the next; the gate switches library (and version) with the last chunk,
// then gets what changed meanwhile as a delta. Small templates (16 dims) keep 2,500 faces fast.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createSeededRng, encodeEmbedding, impostor } from '@app/contracts/embedding';
import { AckErrorCode, type DeviceCommand } from '@app/contracts';
import { templateBytes } from '@app/access';
import { FacelibSyncService } from '@app/access/facelib/facelib-sync.service';
import { SimGate } from '@app/devices-sim';
import { asUser, createTestEnv, Factories, signIn, startTestApi, TEST_PASSWORD, TestApi, TestEnv, waitFor } from '@app/testing';
import type { Site } from '@app/community';
import { consent, MQTT_URL } from './access-world';

jest.setTimeout(90_000);

const DIM = 16;
const FACES = 2500;
/** Below what fits in a 64 KiB message at 16 dims (~340), so the configured size decides. */
const CHUNK = 250;
const CHUNKS = FACES / CHUNK;

type SyncData = { version: number; full: boolean; upserts: { personId: string }[]; removes: string[]; chunk?: { index: number; count: number } };

describe('chunked full face-library sync', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;
  let site: Site;
  let admin: string;
  let latest: number;
  const rng = createSeededRng('facelib-chunks');
  const randomFace = () => impostor(rng, DIM);
  const gates: SimGate[] = [];

  beforeAll(async () => {
    env = await createTestEnv('accesschunks');
    api = await startTestApi(env, { INSTANCE_ID: 'access-chunks', FACE_EMBEDDING_DIM: String(DIM), FACELIB_CHUNK_FACES: String(CHUNK) });
    db = api.app.get(DataSource);
    const f = new Factories(db);
    site = await f.site();
    admin = await signIn(api, (await f.staff([site], 'admin')).login, TEST_PASSWORD);
    // 2,500 enrolled residents written directly (enrolling them one by one over HTTP is not the point here).
    await enrolDirectly(FACES);
  });
  afterAll(async () => {
    await Promise.all(gates.map((g) => g.stop()));
    await api?.close();
    await env?.drop();
  });

  /** Residents with faces and their library changes, straight into the database (sets `latest`). */
  async function enrolDirectly(n: number): Promise<void> {
    const ids: string[] = [];
    const templates: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(randomUUID());
      templates.push(templateBytes(randomFace()));
    }
    await db.query(`INSERT INTO residents (id, "siteId", "fullName") SELECT id, $2, 'Resident ' || id FROM unnest($1::uuid[]) AS id`, [ids, site.id]);
    await db.query(
      `INSERT INTO face_templates ("residentId", "siteId", dim, template, "enrolledAt") SELECT id, $2, $3, t, now() FROM unnest($1::uuid[], $4::bytea[]) AS x(id, t)`,
      [ids, site.id, DIM, templates],
    );
    await db.query(`INSERT INTO facelib_changes ("siteId", "residentId", op) SELECT $2, id, 'upsert' FROM unnest($1::uuid[]) AS id`, [ids, site.id]);
    latest = (await db.query(`SELECT max(version)::int AS v FROM facelib_changes WHERE "siteId" = $1`, [site.id]))[0].v;
  }

  async function newGate(name: string): Promise<{ gate: SimGate; syncs: DeviceCommand<'facelib.sync'>[] }> {
    const res = await asUser(api, admin).post('/devices', { kind: 'gate', siteId: site.id, name });
    expect(res.status).toBe(201);
    const gate = new SimGate({ deviceId: res.body.id, password: res.body.credentials?.password ?? 'x', mqttUrl: MQTT_URL, topicRoot: env.topicRoot, telemetryPeriodMs: 1000, reconnectDelayMs: 200 });
    const syncs: DeviceCommand<'facelib.sync'>[] = [];
    gate.on('command', ({ command }) => {
      if (command.type === 'facelib.sync') syncs.push(command as DeviceCommand<'facelib.sync'>);
    });
    gates.push(gate);
    return { gate, syncs };
  }

  const chunksOf = (syncs: DeviceCommand<'facelib.sync'>[]) => syncs.map((s) => s.data as SyncData).filter((d) => d.chunk);

  it('sends a new gate the whole library in chunks, and its version advances only with the last one', async () => {
    const { gate, syncs } = await newGate('North gate');
    gate.start();
    await gate.waitOnline();
    await waitFor(async () => gate.faceLibrary.version, (v) => v === latest, 20_000, 50);
    expect(gate.faceLibrary.size).toBe(FACES);

    const chunks = chunksOf(syncs);
    // The last chunk says it is the last: the count is known for sure only when no face remains.
    expect(chunks.map((c) => [c.chunk!.index, c.chunk!.count, c.upserts.length, c.version, c.full])).toEqual(
      Array.from({ length: CHUNKS }, (_, i) => [i, Math.min(i + 2, CHUNKS), CHUNK, latest, true]),
    );
    expect(chunks.every((c) => Buffer.byteLength(JSON.stringify(c)) < 64 * 1024)).toBe(true);
    // Every face exactly once, across the chunks.
    expect(new Set(chunks.flatMap((c) => c.upserts.map((u) => u.personId))).size).toBe(FACES);

    const rows = await waitFor(
      () => db.query(`SELECT "facelibVersion", "facelibFullSync" FROM access_gates WHERE "deviceId" = $1`, [gate.deviceId]),
      (r: { facelibVersion: number; facelibFullSync: unknown }[]) => r[0]?.facelibVersion === latest && r[0].facelibFullSync === null,
    );
    expect(rows[0]).toEqual({ facelibVersion: latest, facelibFullSync: null });
    const commands = await db.query(`SELECT status, data FROM device_commands WHERE "deviceId" = $1 AND type = 'facelib.sync' ORDER BY "createdAt"`, [gate.deviceId]);
    expect(commands.map((c: { status: string; data: { chunk?: { index: number } } }) => [c.status, c.data.chunk?.index])).toEqual(Array.from({ length: CHUNKS }, (_, i) => ['acked', i]));

    // A change after the transfer goes out as a delta above its version.
    const resident = await new Factories(db).resident(await new Factories(db).unit(await new Factories(db).building(site)));
    const enrolled = await asUser(api, admin).post(`/residents/${resident.resident.id}/face`, { embedding: encodeEmbedding(randomFace()), consent });
    expect(enrolled.status).toBe(200);
    await waitFor(async () => gate.faceLibrary.size, (n) => n === FACES + 1, 10_000, 50);
    const delta = syncs.map((s) => s.data as SyncData).find((d) => !d.full);
    expect(delta).toMatchObject({ version: latest + 1, full: false, upserts: [{ personId: resident.resident.id }] });
    expect(delta!.chunk).toBeUndefined();
    latest += 1;
  });

  it('starts over when the gate refuses a chunk (it lost what it staged), and still completes', async () => {
    const { gate, syncs } = await newGate('South gate');
    let refused = false;
    gate.handleCommand('facelib.sync', (cmd) => {
      if (cmd.data.chunk?.index === 1 && !refused) {
        refused = true;
        return { ok: false, code: AckErrorCode.ChunkOutOfOrder, message: 'lost the staging (test)' };
      }
      const result = gate.faceLibrary.apply(cmd.data);
      return { ok: true, data: { version: result.version } };
    });
    gate.start();
    await gate.waitOnline();
    await waitFor(async () => gate.faceLibrary.version, (v) => v === latest, 20_000, 50);
    expect(gate.faceLibrary.size).toBe(FACES + 1);
    expect(chunksOf(syncs).map((c) => c.chunk!.index)).toEqual([0, 1, ...Array.from({ length: CHUNKS + 1 }, (_, i) => i)]);
  });

  it('splits a burst of changes larger than one message into deltas sent one after another', async () => {
    const gate = gates[0];
    const before = gate.faceLibrary.size;
    const seen: SyncData[] = [];
    gate.on('command', ({ command }) => {
      if (command.type === 'facelib.sync') seen.push(command.data as SyncData);
    });
    await enrolDirectly(400);
    await api.app.get(FacelibSyncService).syncSite(site.id);
    await waitFor(async () => gate.faceLibrary.version, (v) => v === latest, 10_000, 50);
    expect(gate.faceLibrary.size).toBe(before + 400);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((d) => !d.full && Buffer.byteLength(JSON.stringify(d)) < 64 * 1024)).toBe(true);
    expect(seen.reduce((n, d) => n + d.upserts.length, 0)).toBe(400);
  });
});
