// The production matcher: an int8 scan (WebAssembly SIMD) over all templates, then an exact float32
// re-rank of every row that could still beat the best exact score. Its answer is provably the
// reference scan's answer (ExactFloat32Matcher), not just usually:
//
//   each row x and the probe y are split as x = sx*qx + rx, y = sy*qy + ry, with qx, qy int8 and
//   rx, ry the rounding residues (kept as norms). Then
//     x.y = sx*sy*(qx.qy) + sx*qx.ry + rx.y
//   and by Cauchy-Schwarz |x.y - sx*sy*(qx.qy)| <= |sx*qx|*|ry| + |rx|*|y| =: slack(x).
//   approx(x) = sx*sy*(qx.qy) is exact (integer dot, float64 scaling), so upper(x) = approx + slack
//   bounds the true score. Take L = exact score of the row with the best approx; any row whose exact
//   score could reach L has upper >= L, so re-ranking every such row with the same float32 routine
//   as the reference yields the reference's winner (same score bits, same tie-break). EPS absorbs
//   float64 rounding (~1e-13 at 512 dims).
//
// For unit vectors the slack is ~0.015 while unrelated faces spread with sd ~0.044, so the re-rank
// touches a handful of rows per probe.
//
// In front of that scan sits a prefilter (on by default from PREFILTER_MIN_ROWS templates): a 512-bit
// sign sketch per row (sign-sketch.ts), Hamming distances in wasm SIMD over an eighth of the bytes;
// the same pass lists the rows under a limit that about NEAR_EXPECTED unrelated rows fall under, and
// those are re-scored exactly (where that list is unusable, the ~32 nearest by a histogram of all
// distances are). Its answer is returned only when the cut is so far beyond
// where any row scoring at least as well would lie that such a row was left out with probability
// below ~3e-7 (coverageZ ≥ 5); otherwise (impostors, poor captures) the exact scan above decides.
// So a genuine capture costs the sketch scan, and every other answer stays provably exact.
import { normalize } from '@app/contracts/embedding';
import { FaceMatch, FaceMatcher } from './face-matcher';
import { createInt8DotKernel, Int8DotKernel } from './int8-dot-kernel';
import { createSignHammingKernel, SignHammingKernel } from './sign-hamming-kernel';
import { coverageZ, nearDistanceLimit, SignSketch, unrelatedDistanceCdf } from './sign-sketch';
import { TemplateStore } from './template-store';
import { beats, dotRow } from './vector-math';

// Local aliases: a global `Math.x` lookup per call is slow inside jest's vm context.
const { abs, round, sqrt } = Math;

const EPS = 1e-9;
const QMAX = 127;
/** Below this many templates the exact scan is already cheap. */
export const PREFILTER_MIN_ROWS = 2048;
const PREFILTER_CANDIDATES = 32;
/** Past this many tied candidates the prefilter is no cheaper than the scan: use the scan. */
const PREFILTER_MAX_CANDIDATES = 1024;
const PREFILTER_MIN_Z = 5;
/** Unrelated rows expected under the single-pass limit (a genuine template lies ~9 sd below them). */
const NEAR_EXPECTED = 16;

export interface QuantizedMatcherOptions {
  /** 'auto' uses WebAssembly SIMD when available, else the plain JS int8 kernel. */
  kernel?: 'auto' | 'wasm-simd' | 'js';
  initialCapacity?: number;
  /** The sketch prefilter (default true); false answers every probe with the exact scan. */
  prefilter?: boolean;
}

/** Last-search counters, for benchmarks and tests. */
export interface QuantizedSearchStats {
  /** Rows re-scored exactly (prefilter candidates plus, on a fallback, the scan's). */
  reranked: number;
  /** 'prefilter' when the sketch candidates answered, 'scan' when the exact scan did. */
  path: 'prefilter' | 'scan';
  /** How the last prefilter attempt cut its candidates: the fixed limit, the histogram, or not tried. */
  cut: 'limit' | 'histogram' | null;
}

export class QuantizedMatcher implements FaceMatcher {
  readonly kernelKind: 'wasm-simd' | 'js';
  readonly lastSearch: QuantizedSearchStats = { reranked: 0, path: 'scan', cut: null };
  private readonly store: TemplateStore;
  private readonly kernel: Int8DotKernel;
  private readonly sketch: SignSketch | null;
  private readonly sketches: SignHammingKernel | null;
  private readonly histogram: Int32Array;
  private readonly unrelatedCdf: Float64Array;
  private readonly candidates = new Int32Array(PREFILTER_MAX_CANDIDATES);
  // Per row: scale sx, |sx*qx| and |rx| (see the header).
  private scale: Float64Array;
  private qNorm: Float64Array;
  private rNorm: Float64Array;
  private approx: Float64Array;

  constructor(
    readonly dim: number,
    options: QuantizedMatcherOptions = {},
  ) {
    const cap = options.initialCapacity ?? 1024;
    this.store = new TemplateStore(dim, cap);
    this.kernel = createInt8DotKernel(dim, options.kernel ?? 'auto');
    this.kernelKind = this.kernel.kind;
    this.kernel.reserve(cap);
    this.sketch = options.prefilter === false ? null : new SignSketch(dim);
    this.sketches = this.sketch ? createSignHammingKernel(this.sketch.bits, options.kernel ?? 'auto') : null;
    this.sketches?.reserve(cap);
    this.histogram = new Int32Array((this.sketch?.bits ?? 0) + 1);
    this.unrelatedCdf = unrelatedDistanceCdf(this.sketch?.bits ?? 0);
    this.scale = new Float64Array(cap);
    this.qNorm = new Float64Array(cap);
    this.rNorm = new Float64Array(cap);
    this.approx = new Float64Array(cap);
  }

  get size(): number {
    return this.store.size;
  }

  has(personId: string): boolean {
    return this.store.has(personId);
  }

  upsert(personId: string, vector: Float32Array): void {
    const slot = this.store.upsert(personId, vector);
    this.ensureCapacity(this.store.rowCapacity);
    this.quantizeRow(slot);
  }

  remove(personId: string): boolean {
    const removal = this.store.remove(personId);
    if (!removal) return false;
    if (removal.movedFrom >= 0) {
      const { slot, movedFrom } = removal;
      const stride = this.kernel.stride;
      this.kernel.rows().copyWithin(slot * stride, movedFrom * stride, (movedFrom + 1) * stride);
      if (this.sketches) {
        const bytes = this.sketches.codeBytes;
        this.sketches.rows().copyWithin(slot * bytes, movedFrom * bytes, (movedFrom + 1) * bytes);
      }
      this.scale[slot] = this.scale[movedFrom];
      this.qNorm[slot] = this.qNorm[movedFrom];
      this.rNorm[slot] = this.rNorm[movedFrom];
    }
    return true;
  }

  search(probe: Float32Array): FaceMatch | null {
    const n = this.store.size;
    this.lastSearch.reranked = 0;
    this.lastSearch.path = 'scan';
    this.lastSearch.cut = null;
    if (probe.length !== this.dim || n === 0) return null;
    const y = normalize(probe);
    if (!y) return null;
    if (n >= PREFILTER_MIN_ROWS) {
      const hit = this.searchSketchCandidates(y, n);
      if (hit) return hit;
    }
    return this.scan(y, n);
  }

  /**
   * The nearest rows by sketch distance, re-scored exactly; the best of them when no row left out
   * could plausibly beat it (see the header), else null. First try: the rows under a fixed limit,
   * listed by the scan itself (about NEAR_EXPECTED unrelated rows fall under it, a genuine capture's
   * template far below); when that list is empty, too long or too short to be safe, the cut is
   * chosen from the histogram of all distances instead.
   */
  private searchSketchCandidates(y: Float32Array, n: number): FaceMatch | null {
    const { sketch, sketches, histogram } = this;
    if (!sketch || !sketches) return null;
    sketch.encode(y, sketches.probe());
    const limit = nearDistanceLimit(this.unrelatedCdf, n, NEAR_EXPECTED);
    const { results: dist, near } = sketches.scanNear(n, limit);
    if (near.length > 0 && near.length <= PREFILTER_MAX_CANDIDATES) {
      const hit = this.bestOfRows(near, near.length, y);
      this.lastSearch.reranked = near.length;
      this.lastSearch.cut = 'limit';
      if (coverageZ(hit.score, limit, sketch.bits) >= PREFILTER_MIN_Z) {
        this.lastSearch.path = 'prefilter';
        return hit;
      }
      // A histogram cut would keep ~PREFILTER_CANDIDATES rows, so it would be no wider: not safer.
      if (near.length >= PREFILTER_CANDIDATES) return null;
    }
    this.lastSearch.cut = 'histogram';
    histogram.fill(0);
    for (let r = 0; r < n; r++) histogram[dist[r]]++;
    let cut = 0;
    let covered = histogram[0];
    while (covered < PREFILTER_CANDIDATES && cut < sketch.bits) covered += histogram[++cut];
    if (covered > PREFILTER_MAX_CANDIDATES) return null;
    const candidates = this.candidates;
    let count = 0;
    for (let r = 0; r < n; r++) if (dist[r] <= cut) candidates[count++] = r;
    const hit = this.bestOfRows(candidates, count, y);
    this.lastSearch.reranked += count;
    if (coverageZ(hit.score, cut, sketch.bits) < PREFILTER_MIN_Z) return null;
    this.lastSearch.path = 'prefilter';
    return hit;
  }

  /** The exact best of rows list[0..count), ties broken as the reference does. */
  private bestOfRows(list: Int32Array, count: number, y: Float32Array): FaceMatch {
    const { rows, ids } = this.store;
    let bestScore = -Infinity;
    let bestId = '';
    for (let i = 0; i < count; i++) {
      const r = list[i];
      const s = dotRow(rows, r, y, this.dim);
      if (beats(s, ids[r], bestScore, bestId || null)) {
        bestScore = s;
        bestId = ids[r];
      }
    }
    return { personId: bestId, score: bestScore };
  }

  /** The exact answer: int8 scan, then every row whose bound reaches the best exact score. */
  private scan(y: Float32Array, n: number): FaceMatch {
    // Quantize the probe into the kernel's int16 buffer; keep |ry| and |y| for the bound.
    const dim = this.dim;
    let maxAbs = 0;
    let yy = 0;
    for (let i = 0; i < dim; i++) {
      const a = abs(y[i]);
      if (a > maxAbs) maxAbs = a;
      yy += y[i] * y[i];
    }
    const sy = maxAbs / QMAX;
    const q = this.kernel.probe();
    let rr = 0;
    for (let i = 0; i < dim; i++) {
      const qi = round(y[i] / sy);
      q[i] = qi;
      const r = y[i] - sy * qi;
      rr += r * r;
    }
    const ryNorm = sqrt(rr);
    const yNorm = sqrt(yy);

    const dots = this.kernel.scan(n);
    const { scale, qNorm, rNorm, approx } = this;
    let bestApprox = -Infinity;
    let bestRow = 0;
    for (let r = 0; r < n; r++) {
      const a = scale[r] * sy * dots[r];
      approx[r] = a;
      if (a > bestApprox) {
        bestApprox = a;
        bestRow = r;
      }
    }

    const { rows, ids } = this.store;
    let bestScore = dotRow(rows, bestRow, y, dim);
    let bestId = ids[bestRow];
    let reranked = this.lastSearch.reranked + 1;
    const floor = bestScore - EPS;
    for (let r = 0; r < n; r++) {
      if (r === bestRow || approx[r] + qNorm[r] * ryNorm + rNorm[r] * yNorm < floor) continue;
      reranked++;
      const s = dotRow(rows, r, y, dim);
      if (beats(s, ids[r], bestScore, bestId)) {
        bestScore = s;
        bestId = ids[r];
      }
    }
    this.lastSearch.reranked = reranked;
    return { personId: bestId, score: bestScore };
  }

  private ensureCapacity(cap: number): void {
    if (this.scale.length >= cap) return;
    this.kernel.reserve(cap);
    this.sketches?.reserve(cap);
    const grow = (a: Float64Array): Float64Array => {
      const next = new Float64Array(cap);
      next.set(a);
      return next;
    };
    this.scale = grow(this.scale);
    this.qNorm = grow(this.qNorm);
    this.rNorm = grow(this.rNorm);
    this.approx = new Float64Array(cap);
  }

  private quantizeRow(slot: number): void {
    const dim = this.dim;
    const x = this.store.rows;
    const off = slot * dim;
    let maxAbs = 0;
    for (let i = 0; i < dim; i++) {
      const a = abs(x[off + i]);
      if (a > maxAbs) maxAbs = a;
    }
    const sx = maxAbs / QMAX;
    const stride = this.kernel.stride;
    const qrow = this.kernel.rows().subarray(slot * stride, slot * stride + stride);
    qrow.fill(0); // padding beyond dim must stay zero
    let qq = 0;
    let rr = 0;
    for (let i = 0; i < dim; i++) {
      const qi = round(x[off + i] / sx);
      qrow[i] = qi;
      const v = sx * qi;
      qq += v * v;
      const r = x[off + i] - v;
      rr += r * r;
    }
    this.scale[slot] = sx;
    this.qNorm[slot] = sqrt(qq);
    this.rNorm[slot] = sqrt(rr);
    if (this.sketch && this.sketches) {
      const bytes = this.sketches.codeBytes;
      this.sketch.encode(x.subarray(off, off + dim), this.sketches.rows().subarray(slot * bytes, (slot + 1) * bytes));
    }
  }
}
