/** The best enrolled template for a probe, by cosine similarity. */
export interface FaceMatch {
  personId: string;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

/**
 * An in-memory 1:N index of enrolled face templates. Vectors are normalized on the way in, so
 * scores are cosine similarities. Ties on score go to the smaller personId, so every
 * implementation returns the same top-1 whatever the insertion order.
 */
export interface FaceMatcher {
  readonly dim: number;
  readonly size: number;
  /** Adds or replaces a person's template. Throws RangeError on a wrong length or a zero vector. */
  upsert(personId: string, vector: Float32Array): void;
  /** Drops a person's template; false if they were not enrolled. */
  remove(personId: string): boolean;
  has(personId: string): boolean;
  /** Exact top-1 over all templates; null when the index is empty or the probe is unusable. */
  search(probe: Float32Array): FaceMatch | null;
}
