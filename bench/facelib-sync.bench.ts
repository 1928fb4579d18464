// A new gate's full offline face library: how long until a freshly provisioned perimeter gate holds
// every enrolled face of its site (512-dim templates, chunks under the protocol's 64 KiB message
// limit, each acked before the next). The api runs as a child process on a private Mosquitto; the
// gate is the simulator's. Side by side on the same broker, the floor of a one-at-a-time transfer:
// a bare MQTT round trip of a message the size of a chunk (publish, the receiver publishes a small
// reply, QoS 1 both ways, Nagle off). `--gate-nagle` leaves Nagle on in the simulated gate, as a
// device that does not set TCP_NODELAY would. Prints the figures and writes bench/results/facelib-sync.json.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/facelib-sync.bench.ts [--faces 10000]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import { Client } from 'pg';
import { SimGate } from '@app/devices-sim';
import { createTemplateDatabase, createTestEnv, dropRunDatabases, provisionDeviceOverHttp, spawnApp, startMosquitto } from '@app/testing';
import { argNumber, fmt, summarize, writeResult } from './lib/bench-stats';
import { BENCH_ADMIN, seedBenchSite, seedEnrolledResidents } from './lib/seed-faces';

const FACES = argNumber('faces', 10_000);
const DIM = 512;
const ECHO_ROUNDS = 200;
const GATE_NAGLE = process.argv.includes('--gate-nagle');
const progress = (msg: string) => process.stderr.write(`[facelib-sync bench] ${msg}\n`);

/** Sequential round trips of a `bytes`-sized QoS 1 message answered by a small QoS 1 reply. */
async function bareRoundTrips(url: string, bytes: number, rounds: number): Promise<number[]> {
  const root = `bench-echo-${randomUUID().slice(0, 8)}`;
  const [requester, responder] = await Promise.all([mqtt.connectAsync(url, { clientId: `${root}-req` }), mqtt.connectAsync(url, { clientId: `${root}-resp` })]);
  // Nagle off, as the simulated gate and the backend have it (see SimDeviceOptions.tcpNoDelay).
  for (const c of [requester, responder]) (c.stream as unknown as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  await responder.subscribeAsync(`${root}/req`, { qos: 1 });
  responder.on('message', () => void responder.publishAsync(`${root}/ack`, '{"ok":true}', { qos: 1 }));
  await requester.subscribeAsync(`${root}/ack`, { qos: 1 });
  const payload = 'x'.repeat(bytes);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const acked = new Promise<void>((resolve) => requester.once('message', () => resolve()));
    await requester.publishAsync(`${root}/req`, payload, { qos: 1 });
    await acked;
    times.push(performance.now() - t);
  }
  await Promise.all([requester.endAsync(), responder.endAsync()]);
  return times;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  progress('preparing a fresh database and a private broker');
  await createTemplateDatabase();
  const env = await createTestEnv('bench-facelib');
  const broker = await startMosquitto({ anonymous: true });
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  let api: Awaited<ReturnType<typeof spawnApp>> | undefined;
  let gate: SimGate | undefined;
  try {
    const { siteId, buildingId } = await seedBenchSite(pg);
    progress(`seeding ${FACES} residents with faces`);
    await seedEnrolledResidents(pg, siteId, buildingId, 0, FACES, { faceSeed: 'bench-facelib', dim: DIM, logFacelibChanges: true });
    const latest = Number((await pg.query(`SELECT max(version) AS v FROM facelib_changes WHERE "siteId" = $1`, [siteId])).rows[0].v);

    api = await spawnApp('api', env.env({ MQTT_URL: broker.url, INSTANCE_ID: 'bench-facelib-api', LOG_LEVEL: 'warn' }), 180_000);
    const device = await provisionDeviceOverHttp(api.url, BENCH_ADMIN.login, BENCH_ADMIN.password, { kind: 'gate', siteId, name: 'New perimeter gate' });

    progress(`a new perimeter gate receives its library of ${FACES} faces`);
    gate = new SimGate({ deviceId: device.id, password: device.password, mqttUrl: broker.url, topicRoot: env.topicRoot, telemetryPeriodMs: 5000, reconnectDelayMs: 200, tcpNoDelay: !GATE_NAGLE });
    const arrivals: number[] = [];
    let chunkBytes = 0;
    gate.on('command', ({ command }) => {
      if (command.type !== 'facelib.sync') return;
      arrivals.push(performance.now());
      chunkBytes = Math.max(chunkBytes, Buffer.byteLength(JSON.stringify(command)));
    });
    const started = performance.now();
    gate.start();
    const deadline = Date.now() + 30 * 60_000;
    while (gate.faceLibrary.version !== latest) {
      if (Date.now() > deadline) throw new Error(`library not complete after 30 min (version ${gate.faceLibrary.version} of ${latest})`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    const perChunk = summarize(arrivals.slice(1).map((t, i) => t - arrivals[i]));
    progress(`bare round trips of ${chunkBytes} bytes on the same broker`);
    const bare = summarize(await bareRoundTrips(broker.url, chunkBytes, ECHO_ROUNDS));

    const result = {
      faces: FACES,
      dim: DIM,
      gateNagle: GATE_NAGLE,
      messages: arrivals.length,
      facesHeld: gate.faceLibrary.size,
      largestMessageBytes: chunkBytes,
      seconds,
      facesPerSecond: FACES / seconds,
      perChunkMs: perChunk,
      bareRoundTripMs: bare,
      ratioToBare: perChunk.p50 / bare.p50,
      loadAverage: { start: loadAtStart, end: loadavg() },
    };
    console.log(`\nFull face library to a new gate: ${FACES} faces × ${DIM} dims`);
    console.log('| faces | messages | largest message | total s | faces/s | per chunk p50 / p99 ms | bare round trip p50 / p99 ms | ratio |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(`| ${FACES} | ${arrivals.length} | ${chunkBytes} B | ${fmt(seconds, 1)} | ${fmt(FACES / seconds, 0)} | ${fmt(perChunk.p50)} / ${fmt(perChunk.p99)} | ${fmt(bare.p50)} / ${fmt(bare.p99)} | ${fmt(result.ratioToBare, 1)}x |`);
    if (gate.faceLibrary.size !== FACES) throw new Error(`the gate holds ${gate.faceLibrary.size} faces, ${FACES} expected`);
    console.log(`written to ${writeResult('facelib-sync', result)}`);
  } finally {
    await gate?.stop();
    await api?.stop();
    await pg.end();
    await broker.stop();
    await dropRunDatabases();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
