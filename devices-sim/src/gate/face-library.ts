import type { DeviceCommandData } from '@app/contracts';

type FacelibSync = DeviceCommandData<'facelib.sync'>;

export interface FaceLibraryEntry {
  embedding: string;
  validUntil: string | null;
}

/**
 * The gate's local face library (for offline decisions), kept in step by facelib.sync.
 * A sync whose version is not newer than the held one is ignored; the ack reports the held version
 * either way, so the backend learns where the gate stands.
 */
export class FaceLibrary {
  private readonly entries = new Map<string, FaceLibraryEntry>();
  private heldVersion = 0;

  apply(sync: FacelibSync): { applied: boolean; version: number } {
    if (sync.version <= this.heldVersion && this.heldVersion > 0) return { applied: false, version: this.heldVersion };
    if (sync.full) this.entries.clear();
    for (const upsert of sync.upserts) this.entries.set(upsert.personId, { embedding: upsert.embedding, validUntil: upsert.validUntil });
    for (const personId of sync.removes) this.entries.delete(personId);
    this.heldVersion = sync.version;
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
