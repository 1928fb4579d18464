// End-to-end gate decisions: simulated gates publish `access.face` (QoS 1) to a private Mosquitto with
// the production tuning; the clock stops when the gate receives its gate.open / gate.deny. The api
// runs as a child process (as in production) with every template loaded in memory; every decision is
// also stored (checked after each run). Side by side, in the same window and at the same rate, a bare
// MQTT echo round trip on the same broker (requester → broker → echo client → broker → requester).
// Goals (issue 5): 10,000 enrolled at 200 scans/s for 60 s: p50 <= 5 ms, p99 <= 25 ms, nothing lost or
// duplicated; 50,000 enrolled at 100 scans/s: p99 <= 50 ms; decision p50 <= 3x the echo p50.
// Faces are seeded in bulk with SQL (not through the API), then the api starts and loads them.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/gate-decision.bench.ts [--seconds 60] [--gates 20] [--small 10000] [--large 50000]
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mqtt, { MqttClient } from 'mqtt';
import { Client } from 'pg';
import { capture, createSeededRng, DEFAULT_CAPTURE_NOISE, encodeEmbedding, impostor, trueFace } from '@app/contracts/embedding';
import { createTemplateDatabase, createTestEnv, dropRunDatabases, freePort, MosquittoProcess, provisionDeviceOverHttp, spawnApp, startMosquitto, TestEnv } from '@app/testing';
import { argNumber, fmt, summarize, Summary, writeResult } from './lib/bench-stats';
import { BENCH_ADMIN, seedBenchSite, seedEnrolledResidents } from './lib/seed-faces';

const SECONDS = argNumber('seconds', 60);
const GATES = argNumber('gates', 20);
const SMALL = argNumber('small', 10_000);
const LARGE = argNumber('large', 50_000);
/** Broker with `set_tcp_nodelay true` added (deploy/mosquitto has it now; kept for configs without it). */
const BROKER_NODELAY = process.argv.includes('--broker-nodelay');
const IMPOSTOR_SHARE = 0.1;
const CAPTURE_POOL = 3000;
const FACE_SEED = 'bench-gate';
const DIM = 512;

const progress = (msg: string) => process.stderr.write(`[gate-decision bench] ${msg}\n`);

/**
 * Every bench client (gates and the echo pair) turns Nagle off, as interactive devices do: with it on,
 * a client writing a PUBACK and then a PUBLISH back to back (the echo responder; a gate acking and
 * then scanning) waits for the broker's delayed ACK, ~40 ms, and the figures measure TCP, not us.
 */
async function connectClient(url: string, opts: mqtt.IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, opts);
  const noDelay = () => (client.stream as unknown as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  noDelay();
  client.on('connect', noDelay);
  return client;
}

/**
 * The production broker config plus `set_tcp_nodelay true`. Without it Mosquitto leaves Nagle on its
 * sockets, and a PUBLISH following a PUBACK on one connection waits for the client's delayed ACK
 * (~40 ms): a bare echo then measures 25-45 ms at p50, which says nothing about either path.
 */
async function startNoDelayMosquitto(): Promise<Omit<MosquittoProcess, 'restart'>> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-mosq-nd-'));
  let conf = readFileSync(path.join(__dirname, '..', 'deploy', 'mosquitto', 'mosquitto.conf'), 'utf8').replace(/^listener .*$/m, `listener ${port} 127.0.0.1`);
  conf = conf.replace(/^persistence_location .*$/m, '').replace(/^plugin.*$/gm, '').replace(/^allow_anonymous .*$/m, 'allow_anonymous true');
  conf += `\npersistence_location ${dir}/\nset_tcp_nodelay true\n`;
  writeFileSync(path.join(dir, 'broker.conf'), conf);
  const child = spawn('mosquitto', ['-c', path.join(dir, 'broker.conf')], { cwd: dir, stdio: 'ignore' });
  for (const deadline = Date.now() + 10_000; ; ) {
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error('mosquitto (nodelay) did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface RunResult {
  name: string;
  apiProcess: Record<string, number>;
  /** 1-minute load average at the end of the run (2 cores; other work on the machine shows here). */
  machineLoad1m: number;
  enrolled: number;
  ratePerSecond: number;
  seconds: number;
  scans: number;
  answered: number;
  lost: number;
  duplicateCommands: number;
  stored: number;
  storedWithOutcome: number;
  granted: number;
  denied: number;
  decisionMs: Summary;
  echoMs: Summary;
  /** Handler time inside the api (event in hand → command published), from the stored outcomes. */
  serverDecisionUs: { p50: number; p99: number };
  apiReadySeconds: number;
  ratioToEcho: number;
}

/** Captures to present: genuine ones of random enrolled residents (index) and impostors. */
function capturePool(enrolled: number): string[] {
  const rng = createSeededRng(`pool-${enrolled}`);
  const pool: string[] = [];
  for (let i = 0; i < CAPTURE_POOL; i++) {
    const v = rng.next() < IMPOSTOR_SHARE ? impostor(rng, DIM) : capture(trueFace(FACE_SEED, `r${rng.int(enrolled)}`, DIM), DEFAULT_CAPTURE_NOISE, rng);
    pool.push(encodeEmbedding(v));
  }
  return pool;
}

interface Gate {
  id: string;
  client: MqttClient;
}

async function connectGates(url: string, root: string, gates: { id: string; password: string }[], onCommand: (gateId: string, cmd: { id: string; type: string; requestId?: string }) => void): Promise<Gate[]> {
  return Promise.all(
    gates.map(async (g) => {
      const client = await connectClient(url, { clientId: g.id, username: g.id, password: g.password, clean: true });
      client.on('message', (topic, payload) => {
        const cmd = JSON.parse(payload.toString()) as { id: string; type: string; requestId?: string };
        onCommand(g.id, cmd);
        // A real gate acks what it did.
        client.publish(`${root}/devices/${g.id}/acks`, JSON.stringify({ commandId: cmd.id, ok: true, ts: new Date().toISOString() }), { qos: 1 });
      });
      await client.subscribeAsync(`${root}/devices/${g.id}/commands`, { qos: 1 });
      return { id: g.id, client };
    }),
  );
}

/** Calls `fire(i)` `rate` times a second for `seconds`, evenly (catching up after a late tick). */
async function paced(rate: number, seconds: number, fire: (i: number) => void): Promise<number> {
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
      while (sent < due) fire(sent++);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  return sent;
}

/** A few process figures of the api from its /metrics (CPU seconds, GC pauses by kind, event-loop lag). */
async function apiProcessFigures(apiUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(sc_process_cpu_seconds_total|sc_nodejs_eventloop_lag_p99_seconds|sc_nodejs_eventloop_lag_max_seconds|sc_nodejs_gc_duration_seconds_(?:sum|count)\{kind="(?:major|minor|incremental)"\}|sc_nodejs_heap_size_used_bytes) (\S+)$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function run(name: string, env: TestEnv, brokerUrl: string, pg: Client, gatesCreds: { id: string; password: string }[], enrolled: number, rate: number, apiReadySeconds: number, apiUrl: string): Promise<RunResult> {
  const root = env.topicRoot;
  const pool = capturePool(enrolled);
  const sentAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const commandsPerScan = new Map<string, number>();
  const gates = await connectGates(brokerUrl, root, gatesCreds, (_gateId, cmd) => {
    if (!cmd.requestId || (cmd.type !== 'gate.open' && cmd.type !== 'gate.deny')) return;
    const now = performance.now();
    commandsPerScan.set(cmd.requestId, (commandsPerScan.get(cmd.requestId) ?? 0) + 1);
    if (!answeredAt.has(cmd.requestId)) answeredAt.set(cmd.requestId, now);
  });
  // The echo pair: the same rate, the same broker, the same QoS, at the same time.
  const echoSent = new Map<string, number>();
  const echoRtt: number[] = [];
  const responder = await connectClient(brokerUrl, { clientId: `echo-responder-${randomUUID().slice(0, 6)}`, clean: true });
  responder.on('message', (_t, payload) => responder.publish(`${root}/bench-echo/resp`, payload, { qos: 1 }));
  await responder.subscribeAsync(`${root}/bench-echo/req`, { qos: 1 });
  const requester = await connectClient(brokerUrl, { clientId: `echo-requester-${randomUUID().slice(0, 6)}`, clean: true });
  requester.on('message', (_t, payload) => {
    const id = JSON.parse(payload.toString()).id as string;
    const t0 = echoSent.get(id);
    if (t0 !== undefined) echoRtt.push(performance.now() - t0);
  });
  await requester.subscribeAsync(`${root}/bench-echo/resp`, { qos: 1 });

  progress(`${name}: ${rate} scans/s for ${SECONDS} s over ${gates.length} gates, echo alongside`);
  // Warm-up (JIT, connections, the matcher's first scans), not measured.
  for (let i = 0; i < 50; i++) {
    const g = gates[i % gates.length];
    g.client.publish(`${root}/devices/${g.id}/events`, JSON.stringify({ id: randomUUID(), type: 'access.face', ts: new Date().toISOString(), data: { embedding: pool[i], dim: DIM, liveness: 0.97 } }), { qos: 1 });
  }
  await new Promise((r) => setTimeout(r, 2000));
  answeredAt.clear();
  commandsPerScan.clear();

  const before = await apiProcessFigures(apiUrl);
  const wallStart = performance.now();
  const [scans] = await Promise.all([
    paced(rate, SECONDS, (i) => {
      const g = gates[i % gates.length];
      const id = randomUUID();
      const body = JSON.stringify({ id, type: 'access.face', ts: new Date().toISOString(), data: { embedding: pool[i % pool.length], dim: DIM, liveness: 0.97 } });
      sentAt.set(id, performance.now());
      g.client.publish(`${root}/devices/${g.id}/events`, body, { qos: 1 });
    }),
    paced(rate, SECONDS, () => {
      const id = randomUUID();
      echoSent.set(id, performance.now());
      // About the size of a gate.deny command, so both paths carry similar payloads back.
      requester.publish(`${root}/bench-echo/req`, JSON.stringify({ id, pad: 'x'.repeat(200) }), { qos: 1 });
    }),
  ]);
  const after = await apiProcessFigures(apiUrl);
  const wall = (performance.now() - wallStart) / 1000;
  const gcMs = (kind: string) => 1000 * ((after[`sc_nodejs_gc_duration_seconds_sum{kind="${kind}"}`] ?? 0) - (before[`sc_nodejs_gc_duration_seconds_sum{kind="${kind}"}`] ?? 0));
  const apiProcess = {
    cpuShareOfOneCore: ((after.sc_process_cpu_seconds_total ?? 0) - (before.sc_process_cpu_seconds_total ?? 0)) / wall,
    gcMajorMs: gcMs('major'),
    gcMinorMs: gcMs('minor'),
    gcMajorCount: (after['sc_nodejs_gc_duration_seconds_count{kind="major"}'] ?? 0) - (before['sc_nodejs_gc_duration_seconds_count{kind="major"}'] ?? 0),
    eventLoopLagP99Ms: 1000 * (after.sc_nodejs_eventloop_lag_p99_seconds ?? NaN),
    eventLoopLagMaxMs: 1000 * (after.sc_nodejs_eventloop_lag_max_seconds ?? NaN),
    heapUsedMb: (after.sc_nodejs_heap_size_used_bytes ?? 0) / 1e6,
  };
  const machineLoad = loadavg()[0];
  // Stragglers.
  const deadline = Date.now() + 10_000;
  while (answeredAt.size < scans && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));

  const latencies: number[] = [];
  for (const [id, t0] of sentAt) {
    const t1 = answeredAt.get(id);
    if (t1 !== undefined) latencies.push(t1 - t0);
  }
  // Stored exactly once, each with its decision (the api commits within a few ms; give it a moment).
  const ids = [...sentAt.keys()];
  let stored = 0;
  let withOutcome = 0;
  let granted = 0;
  let denied = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await pg.query<{ n: number; o: number; g: number; d: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome->'command' IS NOT NULL AND outcome->'command' <> 'null')::int AS o,
              count(*) FILTER (WHERE outcome->>'result' = 'granted')::int AS g, count(*) FILTER (WHERE outcome->>'result' = 'denied')::int AS d
         FROM device_events WHERE "eventId" = ANY($1::uuid[])`,
      [ids],
    );
    ({ n: stored, o: withOutcome, g: granted, d: denied } = rows[0]);
    if (stored >= ids.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const { rows: server } = await pg.query<{ p50: number; p99: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (outcome->>'latencyUs')::int) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY (outcome->>'latencyUs')::int) AS p99
       FROM device_events WHERE "eventId" = ANY($1::uuid[])`,
    [ids],
  );
  await Promise.all([...gates.map((g) => g.client.endAsync()), responder.endAsync(), requester.endAsync()]);
  const decisionMs = summarize(latencies);
  const echoMs = summarize(echoRtt);
  return {
    apiProcess,
    machineLoad1m: machineLoad,
    name,
    enrolled,
    ratePerSecond: rate,
    seconds: SECONDS,
    scans,
    answered: answeredAt.size,
    lost: scans - answeredAt.size,
    duplicateCommands: [...commandsPerScan.values()].filter((n) => n > 1).length,
    stored,
    storedWithOutcome: withOutcome,
    granted,
    denied,
    decisionMs,
    echoMs,
    serverDecisionUs: { p50: Number(server[0].p50), p99: Number(server[0].p99) },
    apiReadySeconds,
    ratioToEcho: decisionMs.p50 / echoMs.p50,
  };
}

async function main(): Promise<void> {
  progress('preparing a fresh database and a private broker');
  await createTemplateDatabase();
  const env = await createTestEnv('bench-gate');
  const broker = BROKER_NODELAY ? await startNoDelayMosquitto() : await startMosquitto({ anonymous: true });
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  const results: RunResult[] = [];
  const apiEnv = env.env({ MQTT_URL: broker.url, INSTANCE_ID: 'bench-gate-api', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10', MQTT_INGEST_CONSUMERS: '4' });
  try {
    const { siteId, buildingId } = await seedBenchSite(pg);

    progress(`seeding ${SMALL} residents with faces`);
    let t = Date.now();
    await seedEnrolledResidents(pg, siteId, buildingId, 0, SMALL, { faceSeed: FACE_SEED, dim: DIM });
    progress(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s; starting the api`);
    t = Date.now();
    let api = await spawnApp('api', apiEnv, 180_000);
    const readySmall = (Date.now() - t) / 1000;
    const gates: { id: string; password: string }[] = [];
    for (let i = 0; i < GATES; i++) gates.push(await provisionDeviceOverHttp(api.url, BENCH_ADMIN.login, BENCH_ADMIN.password, { kind: 'gate', siteId, name: `Bench gate ${i}` }));
    await new Promise((r) => setTimeout(r, 1000));
    results.push(await run(`${SMALL.toLocaleString('en')} enrolled`, env, broker.url, pg, gates, SMALL, 200, readySmall, api.url));
    await api.stop();

    progress(`seeding ${LARGE - SMALL} more residents with faces`);
    await seedEnrolledResidents(pg, siteId, buildingId, SMALL, LARGE, { faceSeed: FACE_SEED, dim: DIM });
    t = Date.now();
    api = await spawnApp('api', apiEnv, 300_000);
    const readyLarge = (Date.now() - t) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    results.push(await run(`${LARGE.toLocaleString('en')} enrolled`, env, broker.url, pg, gates, LARGE, 100, readyLarge, api.url));
    await api.stop();
  } finally {
    await pg.end();
    await env.drop();
    await dropRunDatabases();
    await broker.stop();
  }

  console.log(`\nGate decisions end to end (access.face published → gate.open/deny received), echo alongside; broker: ${BROKER_NODELAY ? 'production config + set_tcp_nodelay' : 'production config'}`);
  console.log('| run | scans/s | scans | lost | dup cmds | stored | decision p50 ms | p95 | p99 | max | echo p50 ms | echo p99 | p50 ratio | api handler p50/p99 µs | api ready s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.ratePerSecond} | ${r.scans} | ${r.lost} | ${r.duplicateCommands} | ${r.stored} | ${fmt(r.decisionMs.p50)} | ${fmt(r.decisionMs.p95)} | ${fmt(r.decisionMs.p99)} | ${fmt(r.decisionMs.max)} | ${fmt(r.echoMs.p50)} | ${fmt(r.echoMs.p99)} | ${fmt(r.ratioToEcho, 1)}x | ${fmt(r.serverDecisionUs.p50, 0)}/${fmt(r.serverDecisionUs.p99, 0)} | ${fmt(r.apiReadySeconds, 1)} |`,
    );
  }
  console.log('\napi process during each run (from its /metrics) and the machine');
  console.log('| run | api CPU (share of one core) | GC major ms (count) | GC minor ms | event-loop lag p99 / max ms | heap MB | load avg 1m |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const p = r.apiProcess;
    console.log(`| ${r.name} | ${fmt(p.cpuShareOfOneCore)} | ${fmt(p.gcMajorMs, 0)} (${p.gcMajorCount}) | ${fmt(p.gcMinorMs, 0)} | ${fmt(p.eventLoopLagP99Ms, 1)} / ${fmt(p.eventLoopLagMaxMs, 1)} | ${fmt(p.heapUsedMb, 0)} | ${fmt(r.machineLoad1m)} |`);
  }
  const [small, large] = results;
  const goals = {
    smallP50: small.decisionMs.p50 <= 5,
    smallP99: small.decisionMs.p99 <= 25,
    smallNothingLost: small.lost === 0 && small.duplicateCommands === 0 && small.stored === small.scans && small.storedWithOutcome === small.scans,
    largeP99: large.decisionMs.p99 <= 50,
    largeNothingLost: large.lost === 0 && large.duplicateCommands === 0 && large.stored === large.scans,
    ratioSmall: small.ratioToEcho <= 3,
    ratioLarge: large.ratioToEcho <= 3,
  };
  for (const [k, v] of Object.entries(goals)) console.log(`${k}: ${v ? 'pass' : 'FAIL'}`);
  const file = writeResult(BROKER_NODELAY ? 'gate-decision-broker-nodelay' : 'gate-decision', { broker: BROKER_NODELAY ? 'deploy/mosquitto + set_tcp_nodelay true' : 'deploy/mosquitto (production tuning)', gates: GATES, secondsPerRun: SECONDS, impostorShare: IMPOSTOR_SHARE, results, goals, pass: Object.values(goals).every(Boolean) });
  console.log(`written to ${file}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
