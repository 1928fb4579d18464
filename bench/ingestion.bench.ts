// Durable ingestion throughput: devices publish QoS 1 events as fast as the broker takes them; the
// clock stops when every event is durably stored in Postgres (and acknowledged after its commit).
// Same run, same broker, same database, same publishers: the production ingestor (several consumer
// connections in a shared subscription, deferred PUBACKs, group commit) against the naive baseline
// (one connection, one INSERT per message, PUBACK after each INSERT).
// Goal (issue 3): >= 2,000 events/s and >= 5x the baseline on this 2-core machine.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/ingestion.bench.ts [--events 20000] [--baseline-events 4000] [--devices 50]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import mqtt, { MqttClient } from 'mqtt';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTemplateDatabase, createTestEnv, dropRunDatabases, Factories, startMosquitto, startTestApi } from '@app/testing';
import { argNumber, fmt, summarize, writeResult } from './lib/bench-stats';

const EVENTS = argNumber('events', 20_000);
const BASELINE_EVENTS = argNumber('baseline-events', 4_000);
const DEVICES = argNumber('devices', 50);
const WINDOW = 20; // in-flight publishes per device (Mosquitto's default inflight cap)

interface Run {
  name: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  storeLatencyMs: ReturnType<typeof summarize>;
}

async function publishAll(MQTT_URL: string, root: string, deviceIds: string[], total: number, label: string): Promise<{ sentAt: Map<string, number>; close: () => Promise<void> }> {
  const clients: MqttClient[] = await Promise.all(deviceIds.map((id) => mqtt.connectAsync(MQTT_URL, { clientId: `${id}-${label}`, clean: true })));
  const sentAt = new Map<string, number>();
  const perDevice = Math.ceil(total / deviceIds.length);
    await Promise.all(
    clients.map(async (c, d) => {
      const topic = `${root}/devices/${deviceIds[d]}/events`;
      let next = 0;
      const worker = async () => {
        while (next < perDevice && sentAt.size < total) {
          next++;
          const id = randomUUID();
          sentAt.set(id, Date.now());
          await c.publishAsync(topic, JSON.stringify({ id, type: 'door.state', ts: new Date().toISOString(), data: { state: 'open' } }), { qos: 1 });
        }
      };
      await Promise.all(Array.from({ length: WINDOW }, worker));
    }),
  );
  return { sentAt, close: async () => void (await Promise.all(clients.map((c) => c.endAsync()))) };
}

/**
 * Waits until every event is stored, then reads when each row was written (a bench-only column
 * defaulting to clock_timestamp()) to get per-event publish-to-stored latency.
 */
async function waitStored(pg: Client, sentAt: Map<string, number>, expected: number, table = 'device_events'): Promise<Run['storeLatencyMs'] & { seconds: number }> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { rows } = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if (rows[0].n >= expected) break;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${expected} events stored after 300 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rows } = await pg.query<{ eventId: string; t: string }>(`SELECT "eventId", (extract(epoch from bench_stored_at) * 1000)::text AS t FROM ${table}`);
  const first = Math.min(...sentAt.values());
  let last = 0;
  const lat: number[] = [];
  for (const r of rows) {
    const t = Number(r.t);
    last = Math.max(last, t);
    const s0 = sentAt.get(r.eventId);
    if (s0 !== undefined) lat.push(t - s0);
  }
  return { ...summarize(lat), seconds: (last - first) / 1000 };
}

const progress = (msg: string) => process.stderr.write(`[ingestion bench] ${msg}\n`);

async function main(): Promise<void> {
  progress('preparing a fresh database');
  await createTemplateDatabase();
  const env = await createTestEnv('bench-ingest');
  // A private broker with the production tuning (deploy/mosquitto), so the machine's default broker
  // limits (1,000 queued messages per client) do not shape the figures.
  const broker = await startMosquitto({ anonymous: true });
  const MQTT_URL = broker.url;
  const api = await startTestApi(env, { MQTT_URL, MQTT_INGEST_CONSUMERS: '4', INSTANCE_ID: 'bench', LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '10' });
  const db = api.app.get(DataSource);
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  const runs: Run[] = [];
  try {
    const f = new Factories(db);
    const site = await f.site();
    const admin = await f.staff([site], 'admin');
    const token = (await api.http.post('/api/v1/auth/login').send({ login: admin.login, password: 'test-password-1' })).body.accessToken as string;
    const ids: string[] = [];
    for (let i = 0; i < DEVICES; i++) ids.push((await api.http.post('/api/v1/devices').set('Authorization', `Bearer ${token}`).send({ kind: 'gate', siteId: site.id, name: `bench ${i}` })).body.id);
    // A bench-only column: when each row was written (the product table has receivedAt, set before the commit).
    await pg.query('ALTER TABLE device_events ADD COLUMN bench_stored_at timestamptz DEFAULT clock_timestamp()');

    // 1) Production ingestor.
    {
      progress(`production ingestor: ${EVENTS} events from ${DEVICES} devices`);
      const pub = await publishAll(broker.url, env.topicRoot, ids, EVENTS, 'fast');
      const r = await waitStored(pg, pub.sentAt, EVENTS);
      await pub.close();
      runs.push({ name: 'group commit, deferred acks (production)', events: EVENTS, seconds: r.seconds, eventsPerSecond: EVENTS / r.seconds, storeLatencyMs: r });
    }
    await api.close();

    // 2) Baseline: the straightforward consumer — one connection, INSERT then PUBACK, message by message.
    {
      progress(`baseline: ${BASELINE_EVENTS} events`);
      await pg.query('CREATE TABLE baseline_events (LIKE device_events INCLUDING ALL)');
      const writer = new Client({ connectionString: env.databaseUrl });
      await writer.connect();
      const consumer = await mqtt.connectAsync(MQTT_URL, { clientId: `baseline-${randomUUID().slice(0, 8)}`, clean: true });
      consumer.handleMessage = (packet, done) => {
        const ev = JSON.parse(packet.payload.toString());
        const deviceId = packet.topic.split('/').slice(-2)[0];
        writer
          .query('INSERT INTO baseline_events ("deviceId","eventId","siteId",type,"deviceTs","receivedAt",data) VALUES ($1,$2,$3,$4,$5,now(),$6) ON CONFLICT DO NOTHING', [deviceId, ev.id, site.id, ev.type, ev.ts, ev.data])
          .then(() => done(), (err: Error) => {
            progress(`baseline insert failed: ${err.message}`);
            done();
          });
      };
      await consumer.subscribeAsync(`$share/baseline/${env.topicRoot}/devices/+/events`, { qos: 1 });
      const pub = await publishAll(broker.url, env.topicRoot, ids, BASELINE_EVENTS, 'base');
      const r = await waitStored(pg, pub.sentAt, BASELINE_EVENTS, 'baseline_events');
      await pub.close();
      await consumer.endAsync();
      await writer.end();
      runs.push({ name: 'one INSERT per message (baseline)', events: BASELINE_EVENTS, seconds: r.seconds, eventsPerSecond: BASELINE_EVENTS / r.seconds, storeLatencyMs: r });
    }
  } finally {
    await pg.end();
    await env.drop();
    await dropRunDatabases();
    await broker.stop();
  }
  const [fast, base] = runs;
  const ratio = fast.eventsPerSecond / base.eventsPerSecond;
  console.log('\nDurable ingestion (stored in Postgres, PUBACK after commit)');
  console.log('| run | events | seconds | events/s | store latency p50 ms | p95 | p99 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of runs) console.log(`| ${r.name} | ${r.events} | ${fmt(r.seconds)} | ${fmt(r.eventsPerSecond, 0)} | ${fmt(r.storeLatencyMs.p50, 1)} | ${fmt(r.storeLatencyMs.p95, 1)} | ${fmt(r.storeLatencyMs.p99, 1)} |`);
  console.log(`ratio to baseline: ${fmt(ratio, 1)}x — goals: >= 2000 events/s (${fast.eventsPerSecond >= 2000 ? 'pass' : 'FAIL'}), >= 5x (${ratio >= 5 ? 'pass' : 'FAIL'})`);
  const file = writeResult('ingestion', { devices: DEVICES, runs, ratio, goals: { eventsPerSecond: 2000, ratio: 5 }, pass: fast.eventsPerSecond >= 2000 && ratio >= 5 });
  console.log(`written to ${file}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
