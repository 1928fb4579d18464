// Deterministic synthetic faces, shared by the seed data, the simulator and the calibration bench.
// Model: a person's true face is a seeded random unit vector; a gate capture is that vector plus
// isotropic gaussian noise, re-normalized; an impostor is an unrelated random unit vector. The
// enrolled template is the true face (enrolment is a careful, repeated capture).
import { createSeededRng, SeededRng } from './seeded-rng';
import { DEFAULT_EMBEDDING_DIM } from './embedding-codec';

// Local aliases: a global `Math.x` lookup per call is slow inside jest's vm context.
const { sqrt, min, max, round } = Math;

/**
 * Per-component noise sigma of a gate capture. At 512 dims, 0.06 puts the genuine cosine around
 * 0.59 (sd ~0.04), like a good real-world face model (ArcFace-class genuine pairs score ~0.5-0.7),
 * while unrelated faces stay around 0 (sd 1/sqrt(512) ~ 0.044).
 */
export const DEFAULT_CAPTURE_NOISE = 0.06;

/** Typical liveness of a real face at a gate and of a spoof (photo, screen, mask). */
export const LIVE_LIVENESS = { mean: 0.97, sd: 0.02 } as const;
export const SPOOF_LIVENESS = { mean: 0.35, sd: 0.15 } as const;

function unitGaussian(rng: SeededRng, dim: number): Float32Array {
  const v = new Float64Array(dim);
  let sum = 0;
  for (let i = 0; i < dim; i++) {
    v[i] = rng.gaussian();
    sum += v[i] * v[i];
  }
  const inv = 1 / sqrt(sum);
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = v[i] * inv;
  return out;
}

/** The person's true face: same (seed, personKey, dim) gives the same vector on every machine. */
export function trueFace(seed: number | string, personKey: string, dim: number = DEFAULT_EMBEDDING_DIM): Float32Array {
  return unitGaussian(createSeededRng(`face|${seed}|${personKey}`), dim);
}

/** A capture at a gate: face + N(0, noise^2) per component, re-normalized. */
export function capture(face: Float32Array, noise: number, rng: SeededRng): Float32Array {
  const v = new Float64Array(face.length);
  let sum = 0;
  for (let i = 0; i < face.length; i++) {
    v[i] = face[i] + noise * rng.gaussian();
    sum += v[i] * v[i];
  }
  const inv = 1 / sqrt(sum);
  const out = new Float32Array(face.length);
  for (let i = 0; i < face.length; i++) out[i] = v[i] * inv;
  return out;
}

/** Someone who is not enrolled: an unrelated random unit vector. */
export function impostor(rng: SeededRng, dim: number = DEFAULT_EMBEDDING_DIM): Float32Array {
  return unitGaussian(rng, dim);
}

/** The liveness score a gate reports for a real face ('live') or a presentation attack ('spoof'). */
export function livenessScore(rng: SeededRng, kind: 'live' | 'spoof'): number {
  const m = kind === 'live' ? LIVE_LIVENESS : SPOOF_LIVENESS;
  const x = m.mean + m.sd * rng.gaussian();
  return min(1, max(0, round(x * 1000) / 1000));
}
