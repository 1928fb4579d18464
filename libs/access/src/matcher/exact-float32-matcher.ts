// The reference: a plain float32 scan over every template. It defines the right answer for the
// fast matcher's tests and is the baseline of bench/matcher.bench.ts.
import { normalize } from '@app/contracts/embedding';
import { FaceMatch, FaceMatcher } from './face-matcher';
import { TemplateStore } from './template-store';
import { beats, dotRow } from './vector-math';

export class ExactFloat32Matcher implements FaceMatcher {
  private readonly store: TemplateStore;

  constructor(
    readonly dim: number,
    initialCapacity?: number,
  ) {
    this.store = new TemplateStore(dim, initialCapacity);
  }

  get size(): number {
    return this.store.size;
  }

  has(personId: string): boolean {
    return this.store.has(personId);
  }

  upsert(personId: string, vector: Float32Array): void {
    this.store.upsert(personId, vector);
  }

  remove(personId: string): boolean {
    return this.store.remove(personId) !== null;
  }

  search(probe: Float32Array): FaceMatch | null {
    if (probe.length !== this.dim || this.store.size === 0) return null;
    const y = normalize(probe);
    if (!y) return null;
    const { rows, ids } = this.store;
    let bestScore = -Infinity;
    let bestId: string | null = null;
    for (let r = 0; r < ids.length; r++) {
      const s = dotRow(rows, r, y, this.dim);
      if (beats(s, ids[r], bestScore, bestId)) {
        bestScore = s;
        bestId = ids[r];
      }
    }
    return bestId === null ? null : { personId: bestId, score: bestScore };
  }
}
