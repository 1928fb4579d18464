import { decodeEmbedding, normalize } from '@app/contracts/embedding';

// What a gate does with its synced library while the backend is unreachable: cosine top-1 over
// the (few hundred, few thousand) entries it holds, with the same kind of thresholds as the
// backend. A plain loop is fine at a gate's library size.

export interface LocalMatchEntry {
  personId: string;
  /** Unit-length template. */
  vector: Float32Array;
  /** ms since epoch; null = no end. */
  validUntil: number | null;
}

export interface LocalDecision {
  decision: 'granted' | 'denied';
  personId?: string;
  score: number;
  reason: 'offline' | 'unknown_face' | 'liveness_failed' | 'expired';
}

export const LOCAL_MATCH_THRESHOLD = 0.5;
export const LOCAL_LIVENESS_THRESHOLD = 0.9;

/** Decodes a library entry (base64 float32 LE) into a unit vector; null when unusable. */
export function toLocalEntry(personId: string, embedding: string, validUntil: string | null, dim: number): LocalMatchEntry | null {
  const raw = decodeEmbedding(embedding, dim);
  const unit = raw ? normalize(raw) : null;
  if (!unit) return null;
  return { personId, vector: unit, validUntil: validUntil === null ? null : Date.parse(validUntil) };
}

export function decideLocally(entries: readonly LocalMatchEntry[], probe: Float32Array, liveness: number, now: number, threshold = LOCAL_MATCH_THRESHOLD, livenessThreshold = LOCAL_LIVENESS_THRESHOLD): LocalDecision {
  if (!(liveness >= livenessThreshold)) return { decision: 'denied', score: 0, reason: 'liveness_failed' };
  const unit = normalize(probe);
  let best: LocalMatchEntry | null = null;
  let bestScore = -Infinity;
  if (unit) {
    for (const e of entries) {
      if (e.vector.length !== unit.length) continue;
      let s = 0;
      for (let i = 0; i < unit.length; i++) s += e.vector[i] * unit[i];
      if (s > bestScore) {
        bestScore = s;
        best = e;
      }
    }
  }
  if (!best || bestScore < threshold) return { decision: 'denied', score: Math.max(0, bestScore === -Infinity ? 0 : round3(bestScore)), reason: 'unknown_face' };
  if (best.validUntil !== null && now >= best.validUntil) return { decision: 'denied', personId: best.personId, score: round3(bestScore), reason: 'expired' };
  return { decision: 'granted', personId: best.personId, score: round3(bestScore), reason: 'offline' };
}

function round3(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
}
