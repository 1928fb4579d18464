// Measures false accepts and false rejects of the face decision on the shared synthetic face
// generator. Used by the threshold calibration bench (>= 1M impostor comparisons) and by a unit
// spec on a smaller sample, so both always measure the same thing.
import { capture, createSeededRng, impostor, livenessScore, trueFace } from '@app/contracts/embedding';

export interface FaceErrorRateOptions {
  seed: string;
  dim: number;
  enrolled: number;
  /** Each is compared with every enrolled template: enrolled × impostorProbes comparisons. */
  impostorProbes: number;
  genuineCaptures: number;
  spoofAttempts: number;
  noise: number;
  matchThreshold: number;
  livenessThreshold: number;
}

export interface FaceErrorRates {
  impostorComparisons: number;
  impostorAccepts: number;
  /** Per comparison (1:1): impostor score >= match threshold. */
  far: number;
  /** Per impostor probe (1:N against all enrolled): best score >= match threshold. */
  farOneToN: number;
  maxImpostorScore: number;
  genuineCaptures: number;
  /** Genuine live captures rejected by score or liveness. */
  genuineRejects: number;
  frr: number;
  /** Of those, rejected by the match score alone. */
  frrScoreOnly: number;
  minGenuineScore: number;
  meanGenuineScore: number;
  /** Spoofs (a resident's face with spoof liveness) that passed liveness. */
  spoofAccepts: number;
  spoofAcceptRate: number;
  /** All impostor and genuine scores, for threshold sweeps (only when keepScores). */
  impostorScores?: Float32Array;
  genuineScores?: Float32Array;
  liveLiveness?: Float32Array;
  spoofLiveness?: Float32Array;
}

export function measureFaceErrorRates(o: FaceErrorRateOptions, keepScores = false): FaceErrorRates {
  const { dim } = o;
  const templates = new Float32Array(o.enrolled * dim);
  for (let p = 0; p < o.enrolled; p++) templates.set(trueFace(o.seed, `person-${p}`, dim), p * dim);
  const dotWith = (row: number, v: Float32Array): number => {
    const off = row * dim;
    let s = 0;
    for (let i = 0; i < dim; i++) s += templates[off + i] * v[i];
    return s;
  };

  const rng = createSeededRng(`${o.seed}|error-rates`);
  const impostorScores = keepScores ? new Float32Array(o.enrolled * o.impostorProbes) : undefined;
  let impostorAccepts = 0;
  let probeAccepts = 0;
  let maxImpostor = -Infinity;
  for (let k = 0; k < o.impostorProbes; k++) {
    const probe = impostor(rng, dim);
    let best = -Infinity;
    for (let p = 0; p < o.enrolled; p++) {
      const s = dotWith(p, probe);
      if (impostorScores) impostorScores[k * o.enrolled + p] = s;
      if (s >= o.matchThreshold) impostorAccepts++;
      if (s > best) best = s;
    }
    if (best >= o.matchThreshold) probeAccepts++;
    if (best > maxImpostor) maxImpostor = best;
  }

  const genuineScores = keepScores ? new Float32Array(o.genuineCaptures) : undefined;
  const liveLiveness = keepScores ? new Float32Array(o.genuineCaptures) : undefined;
  let genuineRejects = 0;
  let scoreRejects = 0;
  let minGenuine = Infinity;
  let sumGenuine = 0;
  for (let k = 0; k < o.genuineCaptures; k++) {
    const p = rng.int(o.enrolled);
    const probe = capture(templates.subarray(p * dim, (p + 1) * dim), o.noise, rng);
    const s = dotWith(p, probe);
    const live = livenessScore(rng, 'live');
    if (genuineScores) genuineScores[k] = s;
    if (liveLiveness) liveLiveness[k] = live;
    if (s < o.matchThreshold) scoreRejects++;
    if (s < o.matchThreshold || live < o.livenessThreshold) genuineRejects++;
    if (s < minGenuine) minGenuine = s;
    sumGenuine += s;
  }

  const spoofLiveness = keepScores ? new Float32Array(o.spoofAttempts) : undefined;
  let spoofAccepts = 0;
  for (let k = 0; k < o.spoofAttempts; k++) {
    const live = livenessScore(rng, 'spoof');
    if (spoofLiveness) spoofLiveness[k] = live;
    if (live >= o.livenessThreshold) spoofAccepts++;
  }

  const comparisons = o.enrolled * o.impostorProbes;
  return {
    impostorComparisons: comparisons,
    impostorAccepts,
    far: impostorAccepts / comparisons,
    farOneToN: probeAccepts / Math.max(1, o.impostorProbes),
    maxImpostorScore: maxImpostor,
    genuineCaptures: o.genuineCaptures,
    genuineRejects,
    frr: genuineRejects / Math.max(1, o.genuineCaptures),
    frrScoreOnly: scoreRejects / Math.max(1, o.genuineCaptures),
    minGenuineScore: minGenuine,
    meanGenuineScore: sumGenuine / Math.max(1, o.genuineCaptures),
    spoofAccepts,
    spoofAcceptRate: spoofAccepts / Math.max(1, o.spoofAttempts),
    ...(keepScores ? { impostorScores, genuineScores, liveLiveness, spoofLiveness } : {}),
  };
}
