// Sign sketches of face templates (SimHash): the signs of a randomly rotated vector. For two unit
// vectors at angle θ each sign differs with probability θ/π, so the Hamming distance of two sketches
// is Binomial(bits, θ/π) — a cheap, sharp estimate of the cosine used to pick re-rank candidates.
// The rotation is a fixed, seeded randomized Hadamard transform (sign flips then a Walsh-Hadamard
// butterfly, twice): O(bits·log bits) per vector, and it makes the θ/π law hold for real embeddings
// whose coordinates are skewed or correlated, not only for isotropic synthetic ones.
import { createSeededRng } from '@app/contracts/embedding';

const ROUNDS = 2;

export class SignSketch {
  /** Sketch length: dim rounded up to a power of two (zero-padded). */
  readonly bits: number;
  private readonly flips: Float64Array[];
  private readonly work: Float64Array;

  constructor(readonly dim: number) {
    let bits = 1;
    while (bits < dim) bits *= 2;
    this.bits = bits;
    const rng = createSeededRng(`sign-sketch-${bits}`);
    this.flips = Array.from({ length: ROUNDS }, () => Float64Array.from({ length: bits }, () => (rng.int(2) === 0 ? -1 : 1)));
    this.work = new Float64Array(bits);
  }

  /** Writes the sketch of `vector` (length dim) into `out` (bit i of byte i>>3; bytes beyond bits/8 untouched). */
  encode(vector: Float32Array, out: Uint8Array): void {
    const w = this.work;
    const bits = this.bits;
    w.fill(0);
    for (let i = 0; i < this.dim; i++) w[i] = vector[i];
    for (const flip of this.flips) {
      for (let i = 0; i < bits; i++) w[i] *= flip[i];
      walshHadamard(w);
    }
    out.fill(0, 0, bits >> 3);
    for (let i = 0; i < bits; i++) if (w[i] < 0) out[i >> 3] |= 1 << (i & 7);
  }
}

/** In-place unnormalized fast Walsh-Hadamard transform (length a power of two). */
export function walshHadamard(a: Float64Array): void {
  for (let h = 1; h < a.length; h *= 2) {
    for (let i = 0; i < a.length; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const x = a[j];
        const y = a[j + h];
        a[j] = x + y;
        a[j + h] = x - y;
      }
    }
  }
}

/**
 * How safely a candidate set cut at Hamming distance `cut` covers every row scoring at least
 * `score`: the z-score of (cut + ½) under Binomial(bits, θ/π), θ = acos(score). A row left out has
 * distance > cut; a row scoring ≥ score has its distance centred lower, so the chance that it was
 * left out is at most the upper tail beyond z (≈ 3e-7 at z = 5). Higher is safer.
 */
export function coverageZ(score: number, cut: number, bits: number): number {
  const p = Math.acos(Math.min(1, Math.max(-1, score))) / Math.PI;
  const mean = bits * p;
  const sd = Math.sqrt(bits * p * (1 - p));
  if (sd === 0) return cut + 0.5 >= mean ? Infinity : -Infinity;
  return (cut + 0.5 - mean) / sd;
}

/**
 * P(distance <= c) for c = 0..bits between the sketches of unrelated faces, whose signs differ
 * independently with probability ½: the Binomial(bits, ½) CDF (computed in log space).
 */
export function unrelatedDistanceCdf(bits: number): Float64Array {
  const cdf = new Float64Array(bits + 1);
  let logC = 0; // log C(bits, c)
  let acc = 0;
  const logHalfPow = bits * Math.log(0.5);
  for (let c = 0; c <= bits; c++) {
    if (c > 0) logC += Math.log((bits - c + 1) / c);
    acc += Math.exp(logC + logHalfPow);
    cdf[c] = Math.min(1, acc);
  }
  return cdf;
}

/**
 * The largest distance cut under which, among `rows` unrelated faces, about `expected` (or fewer)
 * are found: the prefilter's first, single-pass candidate limit.
 */
export function nearDistanceLimit(cdf: Float64Array, rows: number, expected: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  if (rows * cdf[0] > expected) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows * cdf[mid] <= expected) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
