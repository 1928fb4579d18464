// The morning rush at the gates of one community: 06:30-09:30 played in a few real seconds, arrivals
// following the daily curve, spread over the gates. Most arrivals are residents showing their face;
// some are strangers, spoofs (a photo), residents with their code, tailgaters (the door is forced),
// doors left open, and one gate loses its connection for a while and decides from its own library.
// Reports what the gates observed: the scan → answer latency distribution, answers per kind.
import { SimGate } from '../gate/sim-gate';
import { SimRandom } from '../random/sim-random';
import { arrivalsPerSecond } from './daily-curve';

export interface RushMix {
  /** Shares of arrivals (the rest are residents' faces). */
  impostor: number;
  spoof: number;
  qr: number;
  /** Someone slips through behind a resident: the gate reports the door forced. */
  tailgate: number;
  /** A door left open: the gate reports it held open. */
  heldOpen: number;
}

export const DEFAULT_RUSH_MIX: RushMix = { impostor: 0.03, spoof: 0.01, qr: 0.05, tailgate: 0.005, heldOpen: 0.002 };

export interface MorningRushOptions {
  gates: SimGate[];
  /** Keys of enrolled residents (the gates' faceSeed must be the one they were enrolled with). */
  personKeys: readonly string[];
  /** Real seconds to play 06:30-09:30 in. */
  seconds: number;
  /** Arrivals per second at the peak of the rush (over all gates). */
  peakPerSecond: number;
  mix?: Partial<RushMix>;
  /** A resident's current entry code, for the QR share (skipped when absent or null). */
  qrFor?: (personKey: string) => string | null;
  /** One gate goes offline mid-rush for this long (0 = never). */
  offlineMs?: number;
  seed?: number | string;
  /** Called once a simulated second with the arrivals so far. */
  onProgress?: (second: number, arrivals: number) => void;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface RushReport {
  seconds: number;
  arrivals: number;
  byKind: Record<'face' | 'impostor' | 'spoof' | 'qr' | 'tailgate' | 'heldOpen', number>;
  answered: number;
  unanswered: number;
  localDecisions: number;
  latencyMs: LatencySummary;
}

export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: s.length ? s[s.length - 1] : NaN };
}

export async function runMorningRush(o: MorningRushOptions): Promise<RushReport> {
  if (o.gates.length === 0 || o.personKeys.length === 0) throw new Error('the rush needs gates and enrolled people');
  const random = SimRandom.from(o.seed ?? 0, 'morning-rush');
  const mix = { ...DEFAULT_RUSH_MIX, ...o.mix };
  const perSecond = arrivalsPerSecond(6 * 60 + 30, 9 * 60 + 30, o.seconds, o.peakPerSecond);
  const byKind: RushReport['byKind'] = { face: 0, impostor: 0, spoof: 0, qr: 0, tailgate: 0, heldOpen: 0 };
  const before = new Map(o.gates.map((g) => [g, { answers: g.answerLatenciesMs.length, local: g.localDecisions.length }]));
  let arrivals = 0;
  const offlineAt = Math.floor(o.seconds / 3);
  for (let second = 0; second < o.seconds; second++) {
    if (o.offlineMs && second === offlineAt) o.gates[o.gates.length - 1].dropFor(o.offlineMs);
    // Poisson-like: the second's expected count, spread evenly with jitter inside the second.
    const n = Math.floor(perSecond[second] + random.next());
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      const at = started + ((i + random.next()) / Math.max(1, n)) * 1000;
      const wait = at - Date.now();
      if (wait > 1) await sleep(wait);
      arrive(random.pick(o.gates), random, o, mix, byKind);
      arrivals++;
    }
    const rest = started + 1000 - Date.now();
    if (rest > 0) await sleep(rest);
    o.onProgress?.(second + 1, arrivals);
  }
  // Answers still on their way.
  for (const deadline = Date.now() + 5000; Date.now() < deadline && o.gates.some((g) => g.unansweredScans > 0); ) await sleep(100);
  const latencies: number[] = [];
  let localDecisions = 0;
  for (const g of o.gates) {
    const b = before.get(g)!;
    latencies.push(...g.answerLatenciesMs.slice(b.answers));
    localDecisions += g.localDecisions.length - b.local;
  }
  const scans = byKind.face + byKind.impostor + byKind.spoof + byKind.qr;
  return {
    seconds: o.seconds,
    arrivals,
    byKind,
    answered: latencies.length,
    unanswered: Math.max(0, scans - latencies.length - localDecisions),
    localDecisions,
    latencyMs: summarizeLatencies(latencies),
  };
}

function arrive(gate: SimGate, random: SimRandom, o: MorningRushOptions, mix: RushMix, byKind: RushReport['byKind']): void {
  const r = random.next();
  let edge = mix.impostor;
  if (r < edge) {
    byKind.impostor++;
    gate.presentFace({});
    return;
  }
  if (r < (edge += mix.spoof)) {
    byKind.spoof++;
    gate.presentFace({ personKey: random.pick(o.personKeys), spoof: true });
    return;
  }
  const person = random.pick(o.personKeys);
  if (r < (edge += mix.qr)) {
    const token = o.qrFor?.(person);
    if (token) {
      byKind.qr++;
      gate.showQr(token);
      return;
    }
  }
  if (r < (edge += mix.tailgate)) {
    byKind.tailgate++;
    gate.raiseAlarm('forced_open', 'tailgating behind an entry');
    return;
  }
  if (r < (edge += mix.heldOpen)) {
    byKind.heldOpen++;
    gate.raiseAlarm('held_open', 'door propped open');
    return;
  }
  byKind.face++;
  gate.presentFace({ personKey: person });
}

export function formatRushReport(r: RushReport): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
  return [
    `morning rush: ${r.arrivals} arrivals in ${r.seconds} s (faces ${r.byKind.face}, strangers ${r.byKind.impostor}, spoofs ${r.byKind.spoof}, codes ${r.byKind.qr}, tailgating ${r.byKind.tailgate}, held open ${r.byKind.heldOpen})`,
    `answered ${r.answered}, decided offline by the gate ${r.localDecisions}, unanswered ${r.unanswered}`,
    `scan → answer latency ms: p50 ${f(r.latencyMs.p50)}  p90 ${f(r.latencyMs.p90)}  p99 ${f(r.latencyMs.p99)}  max ${f(r.latencyMs.max)}  (n=${r.latencyMs.n})`,
  ].join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
