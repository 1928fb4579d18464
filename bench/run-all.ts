// `npm run bench` runs every benchmark (each measures its own same-run baseline), then writes
// bench/results/<date>.json (every result file of the run) and bench/results/latest.md (one table).
// `npm run bench -- --quick` uses smaller sizes for a first look (a few minutes in all);
// `--collect` only gathers the latest result files into the table; `--only=a,b` runs some.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const QUICK = process.argv.includes('--quick');
const COLLECT = process.argv.includes('--collect');
const ROOT = join(__dirname, '..');
const RESULTS = join(__dirname, 'results');

interface Row {
  bench: string;
  figures: string;
  baseline: string;
  goal: string;
  pass: boolean | null;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ms = (v: number | undefined) => (typeof v === 'number' ? `${v.toFixed(1)} ms` : 'n/a');

/** Each benchmark: its script, arguments (full / quick), result file and how to read it. */
const BENCHES: { name: string; script: string; full: string[]; quick: string[]; read: (r: Json) => Row }[] = [
  {
    name: 'ingestion',
    script: 'bench/ingestion.bench.ts',
    full: [],
    quick: ['--events', '5000', '--baseline-events', '1000', '--devices', '20'],
    read: (r) => ({
      bench: 'device ingestion (stored, PUBACK after commit)',
      figures: `${Math.round(r.runs[0].eventsPerSecond)} events/s; store p50 ${ms(r.runs[0].storeLatencyMs.p50)}, p99 ${ms(r.runs[0].storeLatencyMs.p99)}`,
      baseline: `${Math.round(r.runs[1].eventsPerSecond)} events/s single-row (x${r.ratio.toFixed(1)})`,
      goal: '>= 2,000 events/s and >= 5x',
      pass: r.pass,
    }),
  },
  {
    name: 'matcher',
    script: 'bench/matcher.bench.ts',
    full: ['--probes', '1000'],
    quick: ['--probes', '200', '--enrolled', '50000'],
    read: (r) => ({
      bench: `matcher ${r.enrolled} x ${r.dim}`,
      figures:
        `p50 ${ms(r.timings.fast.p50)}, p95 ${ms(r.timings.fast.p95)}, p99 ${ms(r.timings.fast.p99)} (half impostors, which take the full scan)` +
        (r.timings.genuine ? `; genuine captures p50 ${ms(r.timings.genuine.p50)}, p99 ${ms(r.timings.genuine.p99)}` : '') +
        `; same top-1 ${r.sameTop1}/${r.probes}`,
      baseline: `plain float32 loop p50 ${ms(r.timings.reference?.p50 ?? r.timings.ref?.p50)} (x${r.speedup.p50.toFixed(1)})`,
      goal: 'p99 <= 5 ms, >= 8x, same top-1',
      pass: Object.values(r.goals as Record<string, boolean>).every(Boolean),
    }),
  },
  {
    name: 'face-threshold',
    script: 'bench/face-threshold.bench.ts',
    full: [],
    quick: [],
    read: (r) => ({
      bench: 'face thresholds (synthetic faces)',
      figures: `FAR ${r.defaults.far} over ${r.impostor.comparisons} impostor comparisons, FRR ${(r.defaults.frr * 100).toFixed(3)} %`,
      baseline: '-',
      goal: 'FAR <= 0.01 %, FRR <= 0.5 %',
      pass: r.defaults.pass,
    }),
  },
  {
    name: 'contracts-validate',
    script: 'bench/contracts-validate.bench.ts',
    full: [],
    quick: [],
    read: (r) => ({
      bench: 'device message validation (access.face, 512-dim)',
      figures: `${r.eventsPerSec} events/s per core`,
      baseline: `JSON.parse alone ${r.results?.[1]?.opsPerSec ?? 'n/a'}/s (x${r.validationOverheadVsJsonParse} cost)`,
      goal: '-',
      pass: null,
    }),
  },
  {
    name: 'gate-decision',
    script: 'bench/gate-decision.bench.ts',
    full: [],
    quick: ['--seconds', '15', '--large', '20000'],
    read: (r) => ({
      bench: `gate decision end to end (${r.broker})`,
      figures: (r.results as Json[]).map((x) => `${x.name} @${x.ratePerSecond}/s: p50 ${ms(x.decisionMs.p50)}, p99 ${ms(x.decisionMs.p99)}, lost ${x.lost}, dup cmds ${x.duplicateCommands}`).join('; '),
      baseline: (r.results as Json[]).map((x) => `echo p50 ${ms(x.echoMs.p50)} (x${x.ratioToEcho.toFixed(1)})`).join('; '),
      goal: '10k: p50 <= 5, p99 <= 25 ms; 50k: p99 <= 50 ms; p50 <= 3x echo',
      pass: r.pass,
    }),
  },
  {
    name: 'facelib-sync',
    script: 'bench/facelib-sync.bench.ts',
    full: ['--faces', '10000'],
    quick: ['--faces', '2000'],
    read: (r) => ({
      bench: `full face library to a new gate (${r.faces} faces x ${r.dim}${r.gateNagle ? ', gate with Nagle on' : ''})`,
      figures: `${r.seconds.toFixed(1)} s in ${r.messages} messages (${Math.round(r.facesPerSecond)} faces/s); per chunk p50 ${ms(r.perChunkMs.p50)}, p99 ${ms(r.perChunkMs.p99)}`,
      baseline: `bare 62 KB MQTT round trip p50 ${ms(r.bareRoundTripMs.p50)} (x${r.ratioToBare.toFixed(1)})`,
      goal: '-',
      pass: null,
    }),
  },
  {
    name: 'tickets-api',
    script: 'bench/tickets-api.bench.ts',
    full: [],
    quick: ['--seconds', '8', '--tickets', '20000'],
    read: (r) => ({
      bench: `tickets API with ${r.setup.tickets} tickets at ${r.setup.ratePerSecond} req/s`,
      figures: `create p50 ${ms(r.create.p50)} p99 ${ms(r.create.p99)}; list p50 ${ms(r.list.p50)} p99 ${ms(r.list.p99)}`,
      baseline: `one at a time: create p50 ${ms(r.serial?.create?.p50)}, list p50 ${ms(r.serial?.list?.p50)}`,
      goal: 'p99 <= 50 ms',
      pass: r.goalMet ? r.goalMet.create && r.goalMet.list : null,
    }),
  },
  {
    name: 'realtime-fanout',
    script: 'bench/realtime-fanout.bench.ts',
    full: [],
    quick: ['--clients', '300', '--seconds', '8'],
    read: (r) => {
      const main = r.phases[r.phases.length - 1];
      const base = r.phases[0];
      return {
        bench: `realtime fan-out to ${r.config.clients} clients at ${r.config.ratePerSecond} events/s`,
        figures: `p50 ${ms(main.latencyMs.p50)}, p95 ${ms(main.latencyMs.p95)}, p99 ${ms(main.latencyMs.p99)}; missing ${main.missing}`,
        baseline: `1 client p50 ${ms(base.latencyMs.p50)}, p99 ${ms(base.latencyMs.p99)}`,
        goal: 'p99 <= 100 ms',
        pass: r.pass,
      };
    },
  },
];

function main(): void {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const rows: Row[] = [];
  const all: Record<string, unknown> = {};
  for (const b of BENCHES) {
    if (only && !only.includes(b.name)) continue;
    if (!existsSync(join(ROOT, b.script))) {
      rows.push({ bench: b.name, figures: 'not built yet', baseline: '-', goal: '-', pass: null });
      continue;
    }
    const file = join(RESULTS, `${b.name}.json`);
    if (!COLLECT) {
      process.stdout.write(`\n=== ${b.name} ${QUICK ? '(quick)' : ''}\n`);
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', b.script, ...(QUICK ? b.quick : b.full)], {
      cwd: ROOT,
      stdio: 'inherit',
        env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      });
      if (run.status !== 0) {
        rows.push({ bench: b.name, figures: `failed (exit ${run.status})`, baseline: '-', goal: '-', pass: false });
        continue;
      }
    }
    if (!existsSync(file)) {
      rows.push({ bench: b.name, figures: 'no result yet', baseline: '-', goal: '-', pass: null });
      continue;
    }
    const result = JSON.parse(readFileSync(file, 'utf8')) as Json;
    all[b.name] = result;
    try {
      rows.push(b.read(result));
    } catch (err) {
      rows.push({ bench: b.name, figures: `unreadable result: ${(err as Error).message}`, baseline: '-', goal: '-', pass: null });
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  if (!COLLECT) writeFileSync(join(RESULTS, `${date}.json`), JSON.stringify({ at: new Date().toISOString(), quick: QUICK, results: all }, null, 2) + '\n');
  const verdict = (p: boolean | null) => (p === null ? '-' : p ? 'pass' : '**fail**');
  const md = [
    `# Benchmarks (${COLLECT ? 'latest result of each' : date}${QUICK ? ', quick' : ''})`,
    '',
    'Reproduce: `npm run bench` (or `npm run bench -- --quick`). Machine: 2 cores, shared; medians and p99s from one run.',
    '',
    '| benchmark | figures | same-run baseline | goal | verdict |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.bench} | ${r.figures} | ${r.baseline} | ${r.goal} | ${verdict(r.pass)} |`),
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'latest.md'), md);
  process.stdout.write(`\n${md}\nwritten to ${COLLECT ? "" : `bench/results/${date}.json and `}bench/results/latest.md\n`);
}

main();
