import type { DeviceCommandData } from '@app/contracts';

type FacelibSync = DeviceCommandData<'facelib.sync'>;

export interface FaceLibraryEntry {
  embedding: string;
  validUntil: string | null;
}

export interface FaceLibraryResult {
  applied: boolean;
  /** The version held after this sync (what the ack reports). */
  version: number;
  /** A chunk was staged: how many of its version's chunks are in. */
  staged?: number;
  /** The chunk cannot be used (its earlier chunks are missing): the ack refuses it. */
  refused?: 'CHUNK_OUT_OF_ORDER';
}

interface Staging {
  version: number;
  /** The index the next chunk should have. */
  next: number;
  entries: Map<string, FaceLibraryEntry>;
}

/**
 * The gate's local face library (for offline decisions), kept in step by facelib.sync.
 * A sync whose version is not newer than the held one is ignored; the ack reports the held version
 * either way, so the backend learns where the gate stands. A full library in chunks (sent in order,
 * each after the previous one's ack) is staged aside and replaces the library (and the version)
 * with the chunk whose index is its count - 1; meanwhile the gate decides from what it holds.
 */
export class FaceLibrary {
  private entries = new Map<string, FaceLibraryEntry>();
  private heldVersion = 0;
  private staging: Staging | null = null;

  apply(sync: FacelibSync): FaceLibraryResult {
    if (sync.version <= this.heldVersion && this.heldVersion > 0) return { applied: false, version: this.heldVersion };
    if (sync.chunk) return this.applyChunk(sync, sync.chunk);
    if (sync.full) this.entries.clear();
    for (const upsert of sync.upserts) this.entries.set(upsert.personId, { embedding: upsert.embedding, validUntil: upsert.validUntil });
    for (const personId of sync.removes) this.entries.delete(personId);
    this.heldVersion = sync.version;
    return { applied: true, version: this.heldVersion };
  }

  private applyChunk(sync: FacelibSync, chunk: { index: number; count: number }): FaceLibraryResult {
    // Chunk 0 (first or resent) starts the staging over; later ones must follow it in order (or repeat the last one).
    if (chunk.index === 0) this.staging = { version: sync.version, next: 0, entries: new Map() };
    const staging = this.staging;
    if (!staging || staging.version !== sync.version || chunk.index > staging.next || chunk.index < staging.next - 1) {
      return { applied: false, version: this.heldVersion, refused: 'CHUNK_OUT_OF_ORDER' };
    }
    for (const upsert of sync.upserts) staging.entries.set(upsert.personId, { embedding: upsert.embedding, validUntil: upsert.validUntil });
    staging.next = Math.max(staging.next, chunk.index + 1);
    // The count may change during the transfer (enrolments meanwhile): the chunk says whether it is the last.
    if (chunk.index < chunk.count - 1) return { applied: false, version: this.heldVersion, staged: staging.next };
    this.entries = staging.entries;
    this.heldVersion = staging.version;
    this.staging = null;
    return { applied: true, version: this.heldVersion };
  }

  get version(): number {
    return this.heldVersion;
  }

  get size(): number {
    return this.entries.size;
  }

  get(personId: string): FaceLibraryEntry | undefined {
    return this.entries.get(personId);
  }

  personIds(): string[] {
    return [...this.entries.keys()];
  }
}
