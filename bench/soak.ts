// `npm run soak [-- --minutes 30]`: the design load for a long while — 50 gates scanning once a
// second each, 10 speakers kept in use (one-minute sessions), 2 tickets a minute with short SLAs —
// against the real api and worker as child processes (the machine's Postgres and Redis, a database
// and key prefix of its own; a private broker). Each minute: api and worker RSS, the api's heap, and
// the gates' scan → answer latency (p50/p99). At the end: memory growth after warm-up (goal <= 10 %),
// latency drift, errors, and the fault suite's invariants (every event stored once, one command per
// scan, no late open, no effect twice). Writes bench/results/soak-<date>.json and .md.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentiles } from '../test/faults/support/fault-ledger';
import { countInvariants } from '../test/faults/support/fault-report';
import { FaultWorld } from '../test/faults/support/fault-world';
import { JobLoad } from '../test/faults/support/job-load';
import { ScanLoad } from '../test/faults/support/scan-load';
import { argNumber, fmt, writeResult } from './lib/bench-stats';

const MINUTES = argNumber('minutes', 30);
const GATES = argNumber('gates', 50);
const SPEAKERS = argNumber('speakers', 10);
const TICKETS_PER_MIN = argNumber('tickets-per-min', 2);
/** Samples before this are warm-up (JIT, caches, pools): max(1 min, a fifth of the run). */
const WARMUP_MIN = Math.max(1, Math.round(MINUTES / 5));

interface Sample {
  minute: number;
  apiRssMb: number;
  workerRssMb: number;
  apiHeapMb: number;
  scans: number;
  answered: number;
  p50: number;
  p99: number;
}

const progress = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  progress(`starting: ${GATES} gates x 1 scan/s, ${SPEAKERS} speakers, ${TICKETS_PER_MIN} tickets/min, ${MINUTES} min (warm-up ${WARMUP_MIN} min)`);
  const w = await FaultWorld.start({ label: 'soak', gates: GATES, speakers: SPEAKERS, residents: 40, services: 'shared' });
  const jobs = new JobLoad(w);
  const load = new ScanLoad(w.gates, w.residents.map((r) => r.residentId), 'soak');
  const samples: Sample[] = [];
  const started = Date.now();
  try {
    await jobs.prepare();
    load.start(GATES);
    jobs.start(60_000 / TICKETS_PER_MIN);
    for (let minute = 1; minute <= MINUTES; minute++) {
      const from = Date.now();
      await new Promise((r) => setTimeout(r, 60_000));
      // Answers of the minute's last scans arrive within a second or so.
      await new Promise((r) => setTimeout(r, 1000));
      const lat = percentiles(w.ledger.latencies(from, from + 60_000));
      const scans = w.ledger.scanIds(from, from + 60_000).length;
      const sample: Sample = {
        minute,
        apiRssMb: rssMb(w.api.child.pid),
        workerRssMb: rssMb(w.worker.child.pid),
        apiHeapMb: (await w.metric('sc_nodejs_heap_size_used_bytes').catch(() => NaN)) / 1e6,
        scans,
        answered: lat.n,
        p50: lat.p50,
        p99: lat.p99,
      };
      samples.push(sample);
      progress(`minute ${minute}: api RSS ${fmt(sample.apiRssMb, 0)} MB (heap ${fmt(sample.apiHeapMb, 0)}), worker RSS ${fmt(sample.workerRssMb, 0)} MB, scans ${scans} answered ${lat.n}, p50 ${fmt(lat.p50, 1)} ms p99 ${fmt(lat.p99, 1)} ms`);
    }
    load.stop();
    jobs.stop();
    progress('settling: outboxes, storage, the last timers');
    await w.settle();
    await jobs.waitForTimers();
    const { counts, violations } = await countInvariants(w);
    const j = await jobs.counts();
    violations.push(...j.violations);
    const steady = samples.filter((s) => s.minute > WARMUP_MIN);
    const first = steady[0] ?? samples[0];
    const lastTwo = steady.slice(-2);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const growth = (key: 'apiRssMb' | 'workerRssMb' | 'apiHeapMb') => (avg(lastTwo.map((s) => s[key])) - first[key]) / first[key];
    const memory = { apiRss: growth('apiRssMb'), workerRss: growth('workerRssMb'), apiHeap: growth('apiHeapMb') };
    const latencyDrift = { p50: (steady.at(-1)?.p50 ?? NaN) - first.p50, p99: (steady.at(-1)?.p99 ?? NaN) - first.p99 };
    const errors = { unanswered: counts.scans - counts.answered, ticketErrors: j.counts.ticketErrors, sessionErrors: j.counts.sessionErrors, lost: counts.lost, violations };
    const goals = {
      memoryFlat: memory.apiRss <= 0.1 && memory.workerRss <= 0.1,
      noErrors: counts.lost === 0 && violations.length === 0 && j.counts.ticketErrors === 0,
    };
    const result = { minutes: MINUTES, warmupMinutes: WARMUP_MIN, load: { gates: GATES, scansPerSecond: GATES, speakers: SPEAKERS, ticketsPerMinute: TICKETS_PER_MIN }, samples, memory, latencyDrift, counts, jobs: j.counts, errors, goals, pass: Object.values(goals).every(Boolean) };
    const file = writeResult(`soak-${new Date(started).toISOString().slice(0, 10)}`, result);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const md = [
      `# Soak ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} (${MINUTES} min; ${GATES} gates x 1 scan/s, ${SPEAKERS} speakers in use, ${TICKETS_PER_MIN} tickets/min)`,
      '',
      'Reproduce: `npm run soak -- --minutes N`. Machine: 2 cores, shared.',
      '',
      '| minute | api RSS MB | api heap MB | worker RSS MB | scans | answered | p50 ms | p99 ms |',
      '|---|---|---|---|---|---|---|---|',
      ...samples.map((s) => `| ${s.minute}${s.minute <= WARMUP_MIN ? ' (warm-up)' : ''} | ${fmt(s.apiRssMb, 0)} | ${fmt(s.apiHeapMb, 0)} | ${fmt(s.workerRssMb, 0)} | ${s.scans} | ${s.answered} | ${fmt(s.p50, 1)} | ${fmt(s.p99, 1)} |`),
      '',
      `Memory growth after warm-up: api RSS ${pct(memory.apiRss)}, api heap ${pct(memory.apiHeap)}, worker RSS ${pct(memory.workerRss)} (goal <= 10 %: ${goals.memoryFlat ? 'pass' : '**fail**'}).`,
      `Latency drift (last vs first steady minute): p50 ${fmt(latencyDrift.p50, 1)} ms, p99 ${fmt(latencyDrift.p99, 1)} ms.`,
      `Events: sent ${counts.sent}, stored ${counts.stored}, lost ${counts.lost}, duplicates ${counts.duplicates}; scans ${counts.scans}, answered ${counts.answered}; multi-command ${counts.multiCommand}; late opens ${counts.lateOpens}.`,
      `Jobs: tickets ${j.counts.tickets} (errors ${j.counts.ticketErrors}), SLA steps ${j.counts.slaSteps} (twice ${j.counts.slaStepsTwice}), sessions ${j.counts.sessions} (errors ${j.counts.sessionErrors}), warnings seen ${j.counts.warningsSeen}, ended twice ${j.counts.endedTwice}.`,
      `Violations: ${violations.length ? violations.join('; ') : 'none'}. Verdict: ${result.pass ? 'pass' : '**fail**'}.`,
      '',
    ].join('\n');
    writeFileSync(join(__dirname, 'results', `soak-${new Date(started).toISOString().slice(0, 10)}.md`), md);
    process.stdout.write(`\n${md}\nwritten to ${file}\n`);
  } finally {
    load.stop();
    jobs.close();
    await w.close();
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
