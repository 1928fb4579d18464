// A full face library larger than one message (the protocol's 64 KiB) goes to a gate in chunks, one
// at a time: chunk i+1 is sent when chunk i is acked, so one chunk is in flight (and held in Redis)
// at a time, and the gate replaces its library only when the last chunk is in. Chunks are cut by
// keyset on personId, so every face of the library at the transfer's version is sent (a resident
// enrolled or withdrawn meanwhile may be sent stale or not at all: every change above that version
// reaches the gate in the delta that follows the transfer).

/**
 * Kept with the gate (access_gates.facelibFullSync) while a chunked full sync is on its way. Written
 * before each chunk is published (the gate may ack faster than any write after it), and matched to
 * acks by (version, index), which the command row keeps.
 */
export interface FullSyncProgress {
  /** The library version the chunks carry. */
  version: number;
  count: number;
  /** The chunk in flight. */
  index: number;
  /** The last personId sent so far, including the chunk in flight: the next chunk starts after it. */
  after: string | null;
  /** 1 for a transfer started by a change or the gate coming online; +1 for each automatic restart. */
  attempt: number;
}

/** Automatic restarts after a refused chunk stop here; the next change or reconnection tries again. */
export const MAX_FULL_SYNC_ATTEMPTS = 3;

/** Room for the envelope and the sync's own fields, generously. */
const ENVELOPE_BYTES = 1024;
/** A upsert's JSON besides its embedding: {"personId":"<uuid>","embedding":"","validUntil":null}, */
const UPSERT_BYTES = 100;
/** A removal: "<uuid>", */
export const FACELIB_REMOVE_BYTES = 40;

/** Bytes of one upsert with a `dim`-float embedding (base64 of float32). */
export function facelibUpsertBytes(dim: number): number {
  return UPSERT_BYTES + 4 * Math.ceil((4 * dim) / 3);
}

/** What one facelib.sync may carry: the protocol's message limit (64 KiB) less the envelope. */
export function facelibMessageBudget(maxPayloadBytes: number): number {
  return maxPayloadBytes - ENVELOPE_BYTES;
}

/** Faces per full-library chunk: the configured size, or fewer when that would not fit in a message (~22 at 512 dims). */
export function facelibChunkFaces(configured: number, dim: number, maxPayloadBytes: number): number {
  return Math.max(1, Math.min(configured, Math.floor(facelibMessageBudget(maxPayloadBytes) / facelibUpsertBytes(dim))));
}

/**
 * How many chunks the transfer has, as known when chunk `index` goes out: whether any face of the
 * library remains after it (the sender reads past the chunk to know). Faces enrolled or withdrawn
 * during the transfer make the count grow or shrink; the gate switches library when it has every
 * chunk up to the one whose index is its count - 1.
 */
export function facelibChunkCountNow(index: number, moreRemain: boolean): number {
  return moreRemain ? index + 2 : index + 1;
}

export type ChunkSettledStep = 'not_a_chunk' | 'next' | 'complete' | 'restart' | 'give_up';

/** A facelib.sync command reached a final status (superseded ones are not reported here: we replaced them). */
export interface SettledSync {
  version: number;
  /** The chunk the command carried, if it was one. */
  chunk: { index: number; count: number } | null;
  acked: boolean;
  /** The version the gate says it holds now (its ack). */
  heldVersion: number | null;
}

/** What a settled facelib.sync command means for the chunked full sync in progress, if any. */
export function afterFacelibChunkSettled(progress: FullSyncProgress | null, settled: SettledSync): ChunkSettledStep {
  if (!progress || !settled.chunk || settled.version !== progress.version || settled.chunk.index !== progress.index) return 'not_a_chunk';
  const last = progress.index + 1 >= progress.count;
  // Refused (the gate lost what it staged), expired, given up, or a last chunk that did not take:
  // start over, a few times at most.
  const failed = !settled.acked || (last && (settled.heldVersion ?? -1) < progress.version);
  if (failed) return progress.attempt < MAX_FULL_SYNC_ATTEMPTS ? 'restart' : 'give_up';
  return last ? 'complete' : 'next';
}

/**
 * Whether a sync of this gate may go out now. While a chunk is in flight another sync would
 * supersede it (same supersede key) and cut the transfer short; only a gate coming back online
 * starts over (it may have lost what it staged), as does a transfer whose chunk is no longer pending.
 */
export function mayInterruptFullSync(progress: FullSyncProgress | null, chunkPending: boolean, why: 'change' | 'online' | 'reported'): boolean {
  if (!progress || !chunkPending) return true;
  return why === 'online';
}
