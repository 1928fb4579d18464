// Row-major float32 storage of normalized templates with O(1) upsert and swap-remove. Matchers
// keep their own derived rows (quantized, etc.) in step using the slots this store reports.
import { normalize } from '@app/contracts/embedding';

export interface StoreRemoval {
  /** The slot that was freed and now holds what was the last row (unless it was the last row). */
  slot: number;
  /** The former slot of the row moved into `slot`, or -1 when nothing moved. */
  movedFrom: number;
}

export class TemplateStore {
  rows: Float32Array;
  readonly ids: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private capacity: number;

  constructor(
    readonly dim: number,
    initialCapacity = 1024,
  ) {
    if (!Number.isInteger(dim) || dim <= 0) throw new RangeError(`dim must be a positive integer, got ${dim}`);
    this.capacity = Math.max(1, initialCapacity);
    this.rows = new Float32Array(this.capacity * dim);
  }

  get size(): number {
    return this.ids.length;
  }

  get rowCapacity(): number {
    return this.capacity;
  }

  has(personId: string): boolean {
    return this.slotOf.has(personId);
  }

  /** Normalizes and stores; returns the slot written. Throws RangeError on unusable input. */
  upsert(personId: string, vector: Float32Array): number {
    if (vector.length !== this.dim) throw new RangeError(`template has ${vector.length} dims, expected ${this.dim}`);
    const unit = normalize(vector);
    if (!unit) throw new RangeError('template is a zero or non-finite vector');
    let slot = this.slotOf.get(personId);
    if (slot === undefined) {
      if (this.ids.length === this.capacity) this.grow();
      slot = this.ids.length;
      this.ids.push(personId);
      this.slotOf.set(personId, slot);
    }
    this.rows.set(unit, slot * this.dim);
    return slot;
  }

  remove(personId: string): StoreRemoval | null {
    const slot = this.slotOf.get(personId);
    if (slot === undefined) return null;
    const last = this.ids.length - 1;
    this.slotOf.delete(personId);
    if (slot !== last) {
      // Swap-remove: the last row fills the hole, so removal is O(dim) and rows stay dense.
      const movedId = this.ids[last];
      this.rows.copyWithin(slot * this.dim, last * this.dim, (last + 1) * this.dim);
      this.ids[slot] = movedId;
      this.slotOf.set(movedId, slot);
    }
    this.ids.pop();
    return { slot, movedFrom: slot !== last ? last : -1 };
  }

  private grow(): void {
    this.capacity *= 2;
    const next = new Float32Array(this.capacity * this.dim);
    next.set(this.rows.subarray(0, this.ids.length * this.dim));
    this.rows = next;
  }
}
