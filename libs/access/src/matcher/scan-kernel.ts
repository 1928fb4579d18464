// The frame both matcher kernels share: a growable arena holding one probe, the rows and one int32
// result per row, and a scan that fills the results. In WebAssembly the arena is the module's own
// memory, laid out [probe][rows ... capacity][int32 out ... capacity][int32 near list ... capacity]
// (the list only for kernels that keep one); the plain-JS fallback keeps typed arrays on the heap.
// Views are re-created after every grow (growing detaches the old buffer).
import { ensureMemory, instantiate, WasmMemory } from './wasm-writer';

type RowArray = Int8Array | Uint8Array;
type ProbeArray = Int16Array | Uint8Array;
interface ArrayKind<T> {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

export interface ScanKernel<R extends RowArray, P extends ProbeArray> {
  readonly kind: 'wasm-simd' | 'js';
  /** Makes room for `rows` rows; existing rows are kept. */
  reserve(rows: number): void;
  /** The rows (row r at r * rowBytes); valid until the next reserve(). */
  rows(): R;
  /** The probe; valid until the next reserve(). */
  probe(): P;
  /** Scores rows [0, n) against the probe; the result view is valid until the next call/reserve. */
  scan(n: number): Int32Array;
  /**
   * scan(n), and the rows whose result is at most `limit`, in row order (kernels whose shape has
   * `nearList`). Both views are valid until the next call/reserve.
   */
  scanNear(n: number, limit: number): { results: Int32Array; near: Int32Array };
}

export interface KernelShape<R extends RowArray, P extends ProbeArray> {
  rowBytes: number;
  rowKind: ArrayKind<R>;
  probeKind: ArrayKind<P>;
  probeLength: number;
  /**
   * The wasm function also takes (limit, listAddress), writes the index of every row whose result is
   * at most limit to the list, and returns how many it wrote.
   */
  nearList?: boolean;
}

const FIRST_CAPACITY = 1024;
const ALIGN = 64;

function grownCapacity(current: number, rows: number): number {
  let cap = Math.max(current, FIRST_CAPACITY);
  while (cap < rows) cap *= 2;
  return cap;
}

/**
 * A kernel whose scan is the exported wasm function `fn(db, probe, rows, arg, out[, limit, list])`,
 * where `arg` is the kernel's own constant (row stride, blocks per code).
 */
export class WasmScanKernel<R extends RowArray, P extends ProbeArray> implements ScanKernel<R, P> {
  readonly kind = 'wasm-simd' as const;
  private readonly memory: WasmMemory;
  private readonly run: (db: number, probe: number, rows: number, arg: number, out: number, limit?: number, list?: number) => number | undefined;
  private readonly dbOff: number;
  private capacity = 0;
  private outOff = 0;
  private rowsView!: R;
  private probeView!: P;

  constructor(
    mod: object,
    fn: string,
    private readonly shape: KernelShape<R, P>,
    private readonly arg: number,
  ) {
    const api = instantiate(mod);
    this.memory = api.memory as WasmMemory;
    this.run = api[fn] as WasmScanKernel<R, P>['run'];
    this.dbOff = Math.ceil((shape.probeLength * shape.probeKind.BYTES_PER_ELEMENT) / ALIGN) * ALIGN;
    this.reserve(FIRST_CAPACITY);
    // V8 first runs wasm in its baseline tier (~2x slower); a few cheap calls let it tier up
    // before the first real probe.
    for (let i = 0; i < 8; i++) this.scan(FIRST_CAPACITY);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const cap = grownCapacity(this.capacity, rows);
    const { rowBytes, rowKind, probeKind, probeLength } = this.shape;
    const outOff = this.dbOff + cap * rowBytes;
    ensureMemory(this.memory, outOff + cap * 4 * (this.shape.nearList ? 2 : 1));
    this.capacity = cap;
    this.outOff = outOff;
    this.rowsView = new rowKind(this.memory.buffer, this.dbOff, (cap * rowBytes) / rowKind.BYTES_PER_ELEMENT);
    this.probeView = new probeKind(this.memory.buffer, 0, probeLength);
  }

  rows(): R {
    return this.rowsView;
  }

  probe(): P {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    if (n > this.capacity) throw new RangeError('scan beyond reserved rows');
    // A near-list kernel lists nothing under limit -1 (its list address must still be its own).
    if (this.shape.nearList) this.run(this.dbOff, 0, n, this.arg, this.outOff, -1, this.listOff());
    else this.run(this.dbOff, 0, n, this.arg, this.outOff);
    return new Int32Array(this.memory.buffer, this.outOff, n);
  }

  /** The near list follows the results: [out ... capacity][list ... capacity]. */
  private listOff(): number {
    return this.outOff + this.capacity * 4;
  }

  scanNear(n: number, limit: number): { results: Int32Array; near: Int32Array } {
    if (!this.shape.nearList) throw new Error('this kernel keeps no near list');
    if (n > this.capacity) throw new RangeError('scan beyond reserved rows');
    const listOff = this.listOff();
    const count = this.run(this.dbOff, 0, n, this.arg, this.outOff, limit, listOff) ?? 0;
    return { results: new Int32Array(this.memory.buffer, this.outOff, n), near: new Int32Array(this.memory.buffer, listOff, count) };
  }
}

/** The fallback for runtimes without wasm SIMD: `score` computes the same results in plain JS. */
export class JsScanKernel<R extends RowArray, P extends ProbeArray> implements ScanKernel<R, P> {
  readonly kind = 'js' as const;
  private capacity = 0;
  private rowsView: R;
  private readonly probeView: P;
  private out = new Int32Array(0);

  constructor(
    private readonly shape: KernelShape<R, P>,
    private readonly score: (rows: R, probe: P, n: number, out: Int32Array) => void,
  ) {
    this.rowsView = new shape.rowKind(0);
    this.probeView = new shape.probeKind(shape.probeLength);
    this.reserve(FIRST_CAPACITY);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const cap = grownCapacity(this.capacity, rows);
    const next = new this.shape.rowKind((cap * this.shape.rowBytes) / this.shape.rowKind.BYTES_PER_ELEMENT);
    next.set(this.rowsView);
    this.rowsView = next;
    this.out = new Int32Array(cap);
    this.capacity = cap;
  }

  rows(): R {
    return this.rowsView;
  }

  probe(): P {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    const out = this.out.subarray(0, n);
    this.score(this.rowsView, this.probeView, n, out);
    return out;
  }

  scanNear(n: number, limit: number): { results: Int32Array; near: Int32Array } {
    const results = this.scan(n);
    const near: number[] = [];
    for (let r = 0; r < n; r++) if (results[r] <= limit) near.push(r);
    return { results, near: Int32Array.from(near) };
  }
}
