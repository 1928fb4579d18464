// The one definition of "exact score" shared by every matcher: the float32 components multiplied
// and summed in float64, in index order. The fast matcher re-ranks with this same function, so its
// winning score is bit-identical to the reference scan's.

/** Dot product of row `row` of a row-major store with `probe` (both float32, summed in float64). */
export function dotRow(store: Float32Array, row: number, probe: Float32Array, dim: number): number {
  const off = row * dim;
  let s = 0;
  for (let i = 0; i < dim; i++) s += store[off + i] * probe[i];
  return s;
}

/** True when (score, personId) beats (bestScore, bestId): higher score, then the smaller id. */
export function beats(score: number, personId: string, bestScore: number, bestId: string | null): boolean {
  return score > bestScore || (score === bestScore && bestId !== null && personId < bestId);
}
