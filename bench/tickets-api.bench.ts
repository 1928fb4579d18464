// Ticket API latency with 100,000 tickets in the database: POST /tickets (a resident reports; priority,
// SLA due times, auto-assignment with round-robin under the site lock, activity, notifications) and
// GET /tickets (the staff console: default page, status/assignee/SLA filters, text search, sort by
// SLA due) at an open-loop 100 requests/s each, against the real api in its own process (spawnApp),
// real Postgres and Redis. Latency is measured from each request's scheduled send time (no
// coordinated omission). Goal: p99 <= 50 ms for both. Writes bench/results/tickets-api.json.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/tickets-api.bench.ts [--seconds 20] [--rate 100] [--tickets 100000] [--instances 1]
// (BENCH_OUT=name.json writes another result file; BENCH_KEEP=1 keeps the database for EXPLAIN.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Factories, TEST_PASSWORD, clearRedisPrefix, createTemplateDatabase, createTestEnv, dropRunDatabases, spawnApp } from '@app/testing';
import { COMMUNITY_ENTITIES, StaffSkill } from '@app/community';
import { TICKETS_ENTITIES } from '@app/tickets';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const RATE = arg('rate', 100);
const INSTANCES = arg('instances', 1);
const TICKETS = arg('tickets', 100_000);
const GOAL_P99_MS = 50;

interface Stats {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function summarize(ms: number[], errors: number): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { requests: s.length, errors, p50: r(q(0.5)), p95: r(q(0.95)), p99: r(q(0.99)), max: r(s[s.length - 1] ?? NaN), mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

/** Open loop: request i is due at start + i/rate whatever happened to the ones before it. */
async function openLoop(seconds: number, rate: number, send: (i: number) => Promise<{ ok: boolean; kind: string }>): Promise<Map<string, { ms: number[]; errors: number }>> {
  const total = Math.round(seconds * rate);
  const byKind = new Map<string, { ms: number[]; errors: number }>();
  const start = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i)
        .catch(() => ({ ok: false, kind: 'error' }))
        .then((res) => {
          const e = byKind.get(res.kind) ?? { ms: [], errors: 0 };
          if (res.ok) e.ms.push(performance.now() - due);
          else e.errors++;
          byKind.set(res.kind, e);
        }),
    );
  }
  await Promise.all(inFlight);
  return byKind;
}

const TITLES = ['Kitchen tap dripping', 'Lobby light out', 'Elevator stuck between floors', 'Water heater noisy', 'Door lock broken', 'Garden sprinkler leaking', 'Stairwell rubbish', 'Noise from the gym', 'Window seal broken', 'Toilet keeps running', 'Socket sparks when used', 'Parking gate slow', 'Intercom not working', 'Mould on bathroom ceiling', 'Corridor carpet torn'];
const DESCRIPTIONS = ['Started yesterday evening', 'Please come after 6pm', 'It has been like this for a week', 'Neighbours noticed it too', 'Urgent, the kids are home', 'Not urgent but annoying', 'Happens every morning'];

async function seed(db: DataSource, count: number) {
  const f = new Factories(db);
  const site = await f.site({ name: 'Bench site' });
  const buildings = await Promise.all([1, 2, 3, 4, 5].map((n) => f.building(site, { name: `Building ${n}`, code: `B${n}-${site.code}` })));
  const units = [];
  for (const b of buildings) for (let i = 0; i < 40; i++) units.push(await f.unit(b));
  const residents = [];
  for (let i = 0; i < 20; i++) residents.push({ ...(await f.resident(units[i * 7])), unit: units[i * 7] });
  const skills: StaffSkill[][] = [['plumbing'], ['plumbing'], ['electrical'], ['electrical'], ['elevator'], ['cleaning'], ['security'], ['landscaping'], ['general'], ['general', 'plumbing', 'electrical']];
  const staff = [];
  for (const s of skills) staff.push(await f.staff([site], 'technician', {}, s));
  const manager = await f.staff([site], 'manager');
  await db.query(`INSERT INTO ticket_settings ("siteId", "createLimitPerHour") VALUES ($1, 1000)`, [site.id]);
  const t0 = Date.now();
  // 100,000 tickets spread over half a year: ~4.5 % open (recent), the rest resolved, closed or cancelled.
  await db.query(
    `INSERT INTO tickets ("siteId", "buildingId", "unitId", category, priority, "priorityRank", status, title, description,
                          "reporterKind", "reporterId", "assigneeId", "statusTimeline", "firstResponseDueAt", "resolutionDueAt",
                          "slaWarnAt", "slaDueAt", "slaBreached", "firstResponseAt", "resolutionMetAt", "createdAt", "updatedAt", version)
     SELECT $1, x.building, x.unit, x.category, x.priority, x.rank, x.status,
            ($6::text[])[1 + (g % array_length($6::text[], 1))] || ' #' || g,
            ($7::text[])[1 + (g % array_length($7::text[], 1))],
            'resident', ($4::uuid[])[1 + (g % array_length($4::uuid[], 1))],
            CASE WHEN x.status = 'new' THEN NULL ELSE ($5::uuid[])[1 + (g % array_length($5::uuid[], 1))] END,
            '[]'::jsonb, x.created + interval '4 hours', x.created + interval '24 hours',
            CASE WHEN x.open THEN x.created + interval '19 hours' END,
            CASE WHEN x.open THEN x.created + interval '24 hours' END,
            random() < 0.08,
            CASE WHEN x.status NOT IN ('new', 'assigned') THEN x.created + interval '1 hour' END,
            CASE WHEN x.status IN ('resolved', 'closed') THEN x.created + interval '20 hours' END,
            x.created, x.created, 1
       FROM generate_series(1, $8::int) g
       CROSS JOIN LATERAL (
         SELECT u.unit, u.building, c.category, p.priority, p.rank, s.status, s.status IN ('new', 'assigned', 'in_progress', 'on_hold', 'reopened') AS open,
                CASE WHEN s.status IN ('new', 'assigned', 'in_progress', 'on_hold') THEN now() - random() * interval '10 days'
                     ELSE now() - interval '10 days' - random() * interval '170 days' END AS created
           FROM (SELECT ($2::uuid[])[1 + (g % array_length($2::uuid[], 1))] AS unit, ($3::uuid[])[1 + (g % array_length($3::uuid[], 1))] AS building) u,
                (SELECT (ARRAY['plumbing','electrical','elevator','cleaning','security','noise','landscaping','common_facilities','other'])[1 + (g * 7 % 9)] AS category) c,
                (SELECT (ARRAY['low','normal','normal','normal','high','emergency'])[1 + (g * 3 % 6)] AS priority, (ARRAY[0,1,1,1,2,3])[1 + (g * 3 % 6)] AS rank) p,
                (SELECT CASE WHEN r < 0.005 THEN 'new' WHEN r < 0.025 THEN 'assigned' WHEN r < 0.04 THEN 'in_progress' WHEN r < 0.045 THEN 'on_hold'
                             WHEN r < 0.065 THEN 'resolved' WHEN r < 0.115 THEN 'cancelled' ELSE 'closed' END AS status
                   FROM (SELECT random() AS r OFFSET 0) rr) s
       ) x`,
    [site.id, units.map((u) => u.id), units.map((u) => u.buildingId), residents.map((r) => r.resident.id), staff.map((s) => s.staff.id), TITLES, DESCRIPTIONS, count],
  );
  // As autovacuum would have on a table that size: visibility map set (index-only counts), fresh statistics.
  await db.query('VACUUM ANALYZE tickets');
  const seedSeconds = (Date.now() - t0) / 1000;
  return { site, buildings, residents, staff, manager, seedSeconds };
}

async function login(url: string, loginId: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginId, password: TEST_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  await createTemplateDatabase();
  try {
    await run(loadAtStart);
  } finally {
    // BENCH_KEEP=1 leaves the database for EXPLAIN sessions (drop it by hand afterwards).
    if (!process.env.BENCH_KEEP) await dropRunDatabases();
  }
}

async function run(loadAtStart: number[]): Promise<void> {
  const env = await createTestEnv('benchtickets');
  const db = await new DataSource({ type: 'postgres', url: env.databaseUrl, entities: [...COMMUNITY_ENTITIES, ...TICKETS_ENTITIES] }).initialize();
  const world = await seed(db, TICKETS);
  const [{ n: ticketCount }] = await db.query('SELECT count(*)::int AS n FROM tickets');
  console.log(`seeded ${ticketCount} tickets in ${world.seedSeconds.toFixed(1)} s${process.env.BENCH_KEEP ? ` into ${env.databaseUrl}` : ''}`);

  const vars = { LOG_LEVEL: 'warn', LOGIN_MAX_PER_IP: '1000', DATABASE_POOL_SIZE: '10', JWT_ACCESS_TTL_SECONDS: '3600', INSTANCE_ID: 'bench-api' };
  // Several api processes behind a client-side round robin, as several instances behind a load balancer.
  const apis: Awaited<ReturnType<typeof spawnApp>>[] = [];
  for (let k = 0; k < INSTANCES; k++) apis.push(await spawnApp('api', env.env({ ...vars, INSTANCE_ID: `bench-api-${k}` })));
  const api = apis[0];
  const base = (i: number) => apis[i % apis.length].url;
  try {
    const residentTokens = await Promise.all(world.residents.map((r) => login(api.url, r.login)));
    const managerToken = await login(api.url, world.manager.login);
    const techToken = await login(api.url, world.staff[0].login);
    const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

    let firstError = '';
    const create = async (i: number) => {
      const r = world.residents[i % world.residents.length];
      const cat = ['plumbing', 'electrical', 'cleaning', 'other'][i % 4];
      const res = await fetch(`${base(i)}/api/v1/tickets`, {
        method: 'POST',
        headers: json(residentTokens[i % residentTokens.length]),
        body: JSON.stringify({ category: cat, title: `${TITLES[i % TITLES.length]} (bench ${i})`, description: DESCRIPTIONS[i % DESCRIPTIONS.length], unitId: r.unit.id }),
      });
      const body = await res.text();
      if (res.status !== 201 && !firstError) firstError = `${res.status} ${body.slice(0, 300)}`;
      return { ok: res.status === 201, kind: 'create' };
    };
    const site = world.site.id;
    const queries: [string, string, string][] = [
      ['list: default page', `/api/v1/tickets?siteId=${site}`, managerToken],
      ['list: open statuses', `/api/v1/tickets?siteId=${site}&status=new,assigned,in_progress,on_hold`, managerToken],
      ['list: my queue', `/api/v1/tickets?assignee=me&status=assigned,in_progress`, techToken],
      ['list: at risk', `/api/v1/tickets?siteId=${site}&sla=at_risk`, managerToken],
      ['list: sort by SLA due', `/api/v1/tickets?siteId=${site}&status=assigned,in_progress&sort=sla_due`, managerToken],
      ['list: text search', `/api/v1/tickets?siteId=${site}&q=${encodeURIComponent('sprinkler')}`, managerToken],
      ['list: building + category', `/api/v1/tickets?siteId=${site}&buildingId=${world.buildings[2].id}&category=plumbing`, managerToken],
      ['list: page 5 by cursor', '', managerToken],
    ];
    // A cursor four pages deep, for the keyset pagination case.
    let cursor = '';
    for (let p = 0; p < 4; p++) {
      const page = (await (await fetch(`${api.url}/api/v1/tickets?siteId=${site}${cursor ? `&cursor=${cursor}` : ''}`, { headers: json(managerToken) })).json()) as { nextCursor: string };
      cursor = page.nextCursor;
    }
    queries[7][1] = `/api/v1/tickets?siteId=${site}&cursor=${cursor}`;
    const list = async (i: number) => {
      const [kind, path, token] = queries[i % queries.length];
      const res = await fetch(`${base(i)}${path}`, { headers: json(token) });
      await res.arrayBuffer();
      return { ok: res.status === 200, kind };
    };
    const counts = async () => {
      const res = await fetch(`${api.url}/api/v1/tickets/counts?siteId=${site}`, { headers: json(managerToken) });
      await res.arrayBuffer();
      return { ok: res.status === 200, kind: 'counts' };
    };

    // Warm-up: JIT, connection pools, plans and caches.
    await openLoop(3, 50, (i) => (i % 2 ? list(i) : create(i + 1_000_000)));
    // One request at a time: the service time without queueing.
    const serial = new Map<string, number[]>();
    for (let i = 0; i < 80; i++) {
      for (const [kind, fn] of [['create', () => create(3_000_000 + i)], ['list', () => list(i)]] as const) {
        const t = performance.now();
        await fn();
        serial.set(kind, [...(serial.get(kind) ?? []), performance.now() - t]);
      }
    }
    const serialStats = Object.fromEntries([...serial.entries()].map(([k, v]) => [k, summarize(v, 0)]));
    console.log('serial (one at a time):', JSON.stringify(serialStats));
    if (firstError) console.log('first error:', firstError);

    if (process.env.BENCH_SERIAL_ONLY) return;
    console.log(`create: ${RATE} req/s for ${SECONDS} s`);
    const createRun = await openLoop(SECONDS, RATE, (i) => create(i));
    console.log(`console list: ${RATE} req/s for ${SECONDS} s`);
    const listRun = await openLoop(SECONDS, RATE, (i) => list(i));
    console.log(`mixed: ${RATE / 2} creates/s + ${RATE / 2} lists/s for ${SECONDS} s`);
    const mixedRun = await openLoop(SECONDS, RATE, (i) => (i % 2 ? list(i) : create(i + 2_000_000)).then((r) => ({ ...r, kind: `mixed ${r.kind.startsWith('list') ? 'list' : 'create'}` })));
    const countsRun = await openLoop(Math.min(SECONDS, 10), 20, () => counts());

    const all = (m: Map<string, { ms: number[]; errors: number }>) => {
      const ms = [...m.values()].flatMap((x) => x.ms);
      const errors = [...m.values()].reduce((a, x) => a + x.errors, 0);
      return summarize(ms, errors);
    };
    const perKind = (m: Map<string, { ms: number[]; errors: number }>) => Object.fromEntries([...m.entries()].map(([k, v]) => [k, summarize(v.ms, v.errors)]));
    const createStats = all(createRun);
    const listStats = all(listRun);
    const result = {
      benchmark: 'tickets-api',
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAtStart },
      setup: { tickets: ticketCount, seedSeconds: world.seedSeconds, ratePerSecond: RATE, secondsPerPhase: SECONDS, apiInstances: INSTANCES, api: 'separate process(es) (spawnApp), DATABASE_POOL_SIZE=10 each', latency: 'ms from scheduled send to full response (open loop)' },
      goal: { p99Ms: GOAL_P99_MS },
      create: createStats,
      list: listStats,
      listByQuery: perKind(listRun),
      mixed: perKind(mixedRun),
      counts: summarize(countsRun.get('counts')?.ms ?? [], countsRun.get('counts')?.errors ?? 0),
      serial: serialStats,
      firstError: firstError || null,
      goalMet: { create: createStats.p99 <= GOAL_P99_MS, list: listStats.p99 <= GOAL_P99_MS },
    };
    const rows = [
      [`create (${RATE} req/s)`, createStats],
      [`console list (${RATE} req/s)`, listStats],
      ...Object.entries(result.listByQuery).map(([k, v]) => [`  ${k}`, v] as [string, Stats]),
      ...Object.entries(result.mixed).map(([k, v]) => [k, v] as [string, Stats]),
      ['counts per status (20 req/s)', result.counts],
    ] as [string, Stats][];
    console.log(`\n${'endpoint'.padEnd(32)} ${'n'.padStart(6)} ${'err'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`);
    for (const [name, s] of rows) console.log(`${name.padEnd(32)} ${String(s.requests).padStart(6)} ${String(s.errors).padStart(4)} ${s.p50.toFixed(2).padStart(8)} ${s.p95.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)} ${s.max.toFixed(2).padStart(8)}`);
    console.log(`\ngoal p99 <= ${GOAL_P99_MS} ms: create ${result.goalMet.create ? 'met' : 'NOT met'}, list ${result.goalMet.list ? 'met' : 'NOT met'}`);
    const out = join(__dirname, 'results');
    mkdirSync(out, { recursive: true });
    // One file per configuration run, plus the summary the issue asks for (the 100 req/s run).
    const name = process.env.BENCH_OUT ?? 'tickets-api.json';
    writeFileSync(join(out, name), JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote bench/results/${name}`);
  } finally {
    for (const a of apis) await a.stop();
    await db.destroy();
    await clearRedisPrefix('redis://127.0.0.1:6379', env.redisPrefix);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
