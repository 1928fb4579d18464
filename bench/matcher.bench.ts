// Matcher alone at 50,000 × 512: the production QuantizedMatcher (sign-sketch prefilter, else int8
// WebAssembly SIMD scan + exact float32 re-rank), the same without the prefilter, and the plain JS
// float32 loop (ExactFloat32Matcher), same process, same templates, same probes (genuine captures at
// the default noise and impostors). Goals: fast
// p99 <= 5 ms per probe, >= 8x faster than the plain loop, the same top-1 (person and score bits)
// on every probe. Prints a table and writes bench/results/matcher.json.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/matcher.bench.ts [--probes 1000] [--enrolled 50000]
// The plain loop costs 40-55 ms a probe here and must answer every probe for the top-1 check, so the
// default 1,000 probes keep the run near a minute; --probes 2000 takes about two.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { capture, createSeededRng, DEFAULT_CAPTURE_NOISE, impostor, trueFace } from '@app/contracts/embedding';
import { DEFAULT_MATCH_THRESHOLD } from '../libs/access/src/domain/face-thresholds';
import { ExactFloat32Matcher } from '../libs/access/src/matcher/exact-float32-matcher';
import { FaceMatch, FaceMatcher } from '../libs/access/src/matcher/face-matcher';
import { QuantizedMatcher } from '../libs/access/src/matcher/quantized-matcher';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENROLLED = arg('enrolled', 50_000);
const PROBES = arg('probes', 1_000);
const DIM = 512;
const WARMUP = 20;
const JS_KERNEL_PROBES = 30;

interface Timing {
  name: string;
  probes: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function summarize(name: string, ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { name, probes: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function timeSearch(m: FaceMatcher, probe: Float32Array): { ms: number; hit: FaceMatch | null } {
  const t = process.hrtime.bigint();
  const hit = m.search(probe);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, hit };
}

function main(): void {
  const started = Date.now();
  const loadAtStart = loadavg();
  const rng = createSeededRng('matcher-bench');
  const fast = new QuantizedMatcher(DIM, { initialCapacity: ENROLLED });
  const scanOnly = new QuantizedMatcher(DIM, { initialCapacity: ENROLLED, prefilter: false });
  const ref = new ExactFloat32Matcher(DIM, ENROLLED);
  const faces: Float32Array[] = [];
  let tEnrolFast = 0;
  let tEnrolRef = 0;
  for (let i = 0; i < ENROLLED; i++) {
    const f = trueFace('bench', `resident-${i}`, DIM);
    faces.push(f);
    let t = process.hrtime.bigint();
    fast.upsert(`resident-${i}`, f);
    tEnrolFast += Number(process.hrtime.bigint() - t) / 1e6;
    scanOnly.upsert(`resident-${i}`, f);
    t = process.hrtime.bigint();
    ref.upsert(`resident-${i}`, f);
    tEnrolRef += Number(process.hrtime.bigint() - t) / 1e6;
  }

  // Half genuine captures of random residents, half impostors, interleaved.
  const probes: Array<{ vector: Float32Array; expected: string | null }> = [];
  for (let k = 0; k < PROBES; k++) {
    if (k % 2 === 0) {
      const who = rng.int(ENROLLED);
      probes.push({ vector: capture(faces[who], DEFAULT_CAPTURE_NOISE, rng), expected: `resident-${who}` });
    } else {
      probes.push({ vector: impostor(rng, DIM), expected: null });
    }
  }
  const warm = Array.from({ length: WARMUP }, () => impostor(rng, DIM));
  for (const w of warm) {
    fast.search(w);
    scanOnly.search(w);
    ref.search(w);
  }

  // Phase 1: the fast matcher alone, as it runs in the api process (its int8 rows stay in cache).
  const fastMs: number[] = [];
  let scanOnlyDisagreements = 0;
  const fastHits: Array<FaceMatch | null> = [];
  const genuineMs: number[] = [];
  const impostorMs: number[] = [];
  const scanOnlyMs: number[] = [];
  let reranked = 0;
  let maxReranked = 0;
  let prefilterAnswers = 0;
  let genuinePrefilterAnswers = 0;
  for (const p of probes) {
    const r = timeSearch(fast, p.vector);
    fastMs.push(r.ms);
    (p.expected === null ? impostorMs : genuineMs).push(r.ms);
    fastHits.push(r.hit);
    reranked += fast.lastSearch.reranked;
    maxReranked = Math.max(maxReranked, fast.lastSearch.reranked);
    if (fast.lastSearch.path === 'prefilter') {
      prefilterAnswers++;
      if (p.expected !== null) genuinePrefilterAnswers++;
    }
    const s = timeSearch(scanOnly, p.vector);
    scanOnlyMs.push(s.ms);
    if (s.hit?.personId !== r.hit?.personId || s.hit?.score !== r.hit?.score) scanOnlyDisagreements++;
  }

  // Phase 2: the plain float32 loop on every probe, plus the fast matcher right after each one,
  // when the 100 MB float32 scan has just evicted its rows from the caches (a pessimistic figure).
  const refMs: number[] = [];
  const coldMs: number[] = [];
  let sameTop1 = 0;
  let sameScoreBits = 0;
  let genuineFound = 0;
  let impostorAccepted = 0;
  probes.forEach((p, k) => {
    const r = timeSearch(ref, p.vector);
    refMs.push(r.ms);
    coldMs.push(timeSearch(fast, p.vector).ms);
    const f = fastHits[k];
    if (f?.personId === r.hit?.personId) sameTop1++;
    if (f?.personId === r.hit?.personId && f?.score === r.hit?.score) sameScoreBits++;
    if (p.expected !== null && r.hit?.personId === p.expected && r.hit.score >= DEFAULT_MATCH_THRESHOLD) genuineFound++;
    if (p.expected === null && r.hit !== null && r.hit.score >= DEFAULT_MATCH_THRESHOLD) impostorAccepted++;
  });

  // The plain-JS int8 fallback kernel (runtimes without wasm SIMD), on a small sample.
  const jsKernel = new QuantizedMatcher(DIM, { kernel: 'js', initialCapacity: ENROLLED });
  for (let i = 0; i < ENROLLED; i++) jsKernel.upsert(`resident-${i}`, faces[i]);
  for (const w of warm.slice(0, 5)) jsKernel.search(w);
  const jsMs = probes.slice(0, JS_KERNEL_PROBES).map((p) => timeSearch(jsKernel, p.vector).ms);

  const fastT = summarize(`prefilter, else int8 scan + re-rank (${fast.kernelKind})`, fastMs);
  const genuineT = summarize('  genuine captures only', genuineMs);
  const impostorT = summarize('  impostors only', impostorMs);
  const scanOnlyT = summarize('int8 scan + re-rank, no prefilter', scanOnlyMs);
  const coldT = summarize('  same, right after a float32 scan (cold cache)', coldMs);
  const refT = summarize('plain JS float32 loop (reference)', refMs);
  const jsT = summarize('quantized int8 + re-rank (js kernel fallback)', jsMs);
  const speedupP50 = refT.p50 / fastT.p50;
  const speedupP99 = refT.p99 / fastT.p99;
  const goals = {
    p99AtMost5ms: fastT.p99 <= 5,
    atLeast8xFaster: speedupP50 >= 8,
    sameTop1OnEveryProbe: sameTop1 === probes.length && sameScoreBits === probes.length && scanOnlyDisagreements === 0,
  };

  const fmt = (t: Timing) => ({ probes: t.probes, 'p50 ms': t.p50.toFixed(3), 'p95 ms': t.p95.toFixed(3), 'p99 ms': t.p99.toFixed(3), 'max ms': t.max.toFixed(3), 'mean ms': t.mean.toFixed(3) });
  console.log(`matcher bench: ${ENROLLED} enrolled × ${DIM} dims, ${probes.length} probes (half genuine at noise ${DEFAULT_CAPTURE_NOISE}, half impostors), node ${process.version}`);
  // Other processes on a 2-core machine show up in the tail latencies, so say how busy it was.
  console.log(`load average at start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.table(Object.fromEntries([fastT, genuineT, impostorT, coldT, scanOnlyT, refT, jsT].map((t) => [t.name, fmt(t)])));
  console.log(`prefilter answered ${prefilterAnswers}/${probes.length} probes (${genuinePrefilterAnswers}/${probes.length / 2} genuine); the rest fell back to the exact scan; answers differing from the scan-only matcher: ${scanOnlyDisagreements}`);
  console.log(`speed-up vs plain float32 loop: p50 ${speedupP50.toFixed(1)}x, p99 ${speedupP99.toFixed(1)}x`);
  console.log(`same top-1 (person): ${sameTop1}/${probes.length}; same score bits: ${sameScoreBits}/${probes.length}; rows re-ranked per probe: mean ${(reranked / probes.length).toFixed(2)}, max ${maxReranked}`);
  console.log(`at threshold ${DEFAULT_MATCH_THRESHOLD}: genuine found ${genuineFound}/${probes.length / 2}, impostors accepted ${impostorAccepted}/${probes.length / 2}`);
  console.log(`enrolment: quantized ${(tEnrolFast / 1000).toFixed(2)} s, reference ${(tEnrolRef / 1000).toFixed(2)} s for ${ENROLLED}`);
  console.log(`goals: p99 <= 5 ms ${goals.p99AtMost5ms ? 'PASS' : 'FAIL'}; >= 8x ${goals.atLeast8xFaster ? 'PASS' : 'FAIL'}; same top-1 ${goals.sameTop1OnEveryProbe ? 'PASS' : 'FAIL'}`);

  const out = {
    bench: 'matcher',
    at: new Date().toISOString(),
    node: process.version,
    enrolled: ENROLLED,
    dim: DIM,
    probes: probes.length,
    captureNoise: DEFAULT_CAPTURE_NOISE,
    kernel: fast.kernelKind,
    timings: { fast: fastT, genuine: genuineT, impostor: impostorT, fastColdCache: coldT, scanOnly: scanOnlyT, reference: refT, jsKernelFallback: jsT },
    prefilter: { answered: prefilterAnswers, genuineAnswered: genuinePrefilterAnswers, disagreementsWithScanOnly: scanOnlyDisagreements },
    speedup: { p50: speedupP50, p99: speedupP99 },
    sameTop1,
    sameScoreBits,
    rerankedPerProbe: { mean: reranked / probes.length, max: maxReranked },
    accuracyAtDefaultThreshold: { threshold: DEFAULT_MATCH_THRESHOLD, genuineFound, genuineProbes: probes.length / 2, impostorAccepted, impostorProbes: probes.length / 2 },
    enrolmentSeconds: { quantized: tEnrolFast / 1000, reference: tEnrolRef / 1000 },
    goals,
    loadAverage: { start: loadAtStart, end: loadavg() },
    seconds: (Date.now() - started) / 1000,
  };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'matcher.json'), JSON.stringify(out, null, 2) + '\n');
  // Timing goals depend on the machine's load; a different top-1 is a bug.
  if (!goals.sameTop1OnEveryProbe) process.exitCode = 1;
}

main();
