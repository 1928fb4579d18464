// Int8 dot products of one probe against many rows, in WebAssembly SIMD. There is no wasm
// toolchain on the build machines, so the module's bytes are written out here by hand: one
// function, about 400 bytes. Rows are int8 padded to a multiple of 64 bytes; the probe is stored
// pre-extended to int16, so each 16-byte chunk of a row costs one load, two sign extensions and two
// i32x4.dot_i16x8_s (pmaddwd). Integer sums are exact, which the matcher's exactness proof needs.
// Measured alternatives: a two-rows-per-pass variant was 3x slower under V8; plain JS int8 is no
// faster than the float32 loop (~50 ms at 50k x 512) and is kept only as a fallback.

const WASM_PAGE = 65536;
export const ROW_ALIGN = 64;

// --- a minimal wasm binary writer -----------------------------------------------------------
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const str = (s: string): number[] => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Shl: 0x74,
  block: 0x02,
  void: 0x40,
} as const;
const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...uleb(code), ...imm];
const v128Load = (offset: number): number[] => simd(0x00, 4, ...uleb(offset)); // align 2^4
const i16x8ExtendLowI8x16S = (): number[] => simd(0x87);
const i16x8ExtendHighI8x16S = (): number[] => simd(0x88);
const i32x4DotI16x8S = (): number[] => simd(0xba);
const i32x4Add = (): number[] => simd(0xae);
const i32x4ExtractLane = (lane: number): number[] => simd(0x1b, lane);
const v128Zero = (): number[] => simd(0x0c, ...new Array(16).fill(0));

// dots(db, probe, rows, stride, out): out[r] = sum_k int8 db[r*stride + k] * int16 probe[k]
export function buildInt8DotModuleBytes(): Uint8Array {
  // params: 0 db, 1 probe, 2 rows, 3 stride, 4 out; locals: 5 end, 6 p, 7 rowEnd, 8 acc0, 9 acc1, 10 a
  const [db, probe, rows, stride, out, end, p, rowEnd, acc0, acc1, a] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const get = (l: number): number[] => [op.localGet, l];
  const set = (l: number): number[] => [op.localSet, l];

  const chunk = (k: number): number[] => [
    // a = db[16k .. 16k+16)
    ...get(db), ...v128Load(16 * k), ...set(a),
    // acc0 += dot(extend_low(a), probe16[16k .. 16k+8))
    ...get(a), ...i16x8ExtendLowI8x16S(), ...get(p), ...v128Load(32 * k), ...i32x4DotI16x8S(),
    ...get(acc0), ...i32x4Add(), ...set(acc0),
    // acc1 += dot(extend_high(a), probe16[16k+8 .. 16k+16))
    ...get(a), ...i16x8ExtendHighI8x16S(), ...get(p), ...v128Load(32 * k + 16), ...i32x4DotI16x8S(),
    ...get(acc1), ...i32x4Add(), ...set(acc1),
  ];

  const body: number[] = [
    op.block, op.void,
    ...get(rows), op.i32Eqz, op.brIf, 0,
    // end = out + rows * 4
    ...get(out), ...get(rows), op.i32Const, 2, op.i32Shl, op.i32Add, ...set(end),
    op.loop, op.void,
    ...v128Zero(), ...set(acc0),
    ...v128Zero(), ...set(acc1),
    ...get(probe), ...set(p),
    ...get(db), ...get(stride), op.i32Add, ...set(rowEnd),
    op.loop, op.void,
    ...chunk(0), ...chunk(1), ...chunk(2), ...chunk(3),
    ...get(db), op.i32Const, ...[0xc0, 0x00], op.i32Add, op.localTee, db, // db += 64 (sleb 64)
    ...get(p), op.i32Const, ...[0x80, 0x01], op.i32Add, ...set(p), // p += 128 (sleb 128)
    ...get(rowEnd), op.i32LtU, op.brIf, 0,
    op.end,
    // out[r] = lane sum of acc0 + acc1
    ...get(out),
    ...get(acc0), ...get(acc1), ...i32x4Add(), ...set(acc0),
    ...get(acc0), ...i32x4ExtractLane(0),
    ...get(acc0), ...i32x4ExtractLane(1), op.i32Add,
    ...get(acc0), ...i32x4ExtractLane(2), op.i32Add,
    ...get(acc0), ...i32x4ExtractLane(3), op.i32Add,
    op.i32Store, 2, 0,
    ...get(out), op.i32Const, 4, op.i32Add, op.localTee, out,
    ...get(end), op.i32LtU, op.brIf, 0,
    op.end,
    op.end, // block
    op.end, // function
  ];
  const locals = vec([[3, I32], [3, V128]]);
  const fn = [...locals, ...body];

  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory: min 1 page, no max
    ...section(7, vec([[...str('dots'), 0x00, 0], [...str('memory'), 0x02, 0]])),
    ...section(10, vec([[...uleb(fn.length), ...fn]])),
  ];
  return Uint8Array.from(bytes);
}

// The project's TypeScript lib set has no WebAssembly typings (no DOM lib), so declare the bits used.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type WasmModule = object;
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (mod: WasmModule, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable. */
function wasmModule(): WasmModule | null {
  if (compiled === undefined) {
    const bytes = buildInt8DotModuleBytes();
    compiled = wasmApi && wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null;
  }
  return compiled;
}

export function isWasmSimdAvailable(): boolean {
  return wasmModule() !== null;
}

/**
 * A growable arena holding the int8 rows, the int16 probe and the int32 results, plus the scan.
 * Views are re-created after every grow (growing detaches the old ArrayBuffer).
 */
export interface Int8DotKernel {
  readonly kind: 'wasm-simd' | 'js';
  /** Row stride in bytes (dim rounded up to ROW_ALIGN). */
  readonly stride: number;
  /** Makes room for `rows` rows; existing rows are kept. */
  reserve(rows: number): void;
  /** The int8 rows (row r at r * stride); valid until the next reserve(). */
  rows(): Int8Array;
  /** The probe as int16 (length stride); valid until the next reserve(). */
  probe(): Int16Array;
  /** Scores rows [0, n) against the probe; the result view is valid until the next call/reserve. */
  scan(n: number): Int32Array;
}

export function createInt8DotKernel(dim: number, prefer: 'auto' | 'wasm-simd' | 'js' = 'auto'): Int8DotKernel {
  const stride = Math.ceil(dim / ROW_ALIGN) * ROW_ALIGN;
  const mod = prefer === 'js' ? null : wasmModule();
  if (prefer === 'wasm-simd' && !mod) throw new Error('WebAssembly SIMD is not available');
  return mod ? new WasmKernel(mod, stride) : new JsKernel(stride);
}

class WasmKernel implements Int8DotKernel {
  readonly kind = 'wasm-simd' as const;
  private readonly memory: WasmMemory;
  private readonly dots: (db: number, probe: number, rows: number, stride: number, out: number) => void;
  private capacity = 0;
  private readonly probeOff = 0;
  private readonly dbOff: number;
  private outOff = 0;
  private rowsView!: Int8Array;
  private probeView!: Int16Array;

  constructor(
    mod: WasmModule,
    readonly stride: number,
  ) {
    const inst = new wasmApi!.Instance(mod, {});
    this.memory = inst.exports.memory as WasmMemory;
    this.dots = inst.exports.dots as WasmKernel['dots'];
    // Layout: [int16 probe][int8 rows ... capacity][int32 out ... capacity]
    this.dbOff = Math.ceil((stride * 2) / ROW_ALIGN) * ROW_ALIGN;
    this.reserve(1024);
    // V8 first runs wasm in its baseline tier (~2x slower); a few cheap calls let it tier up
    // before the first real probe.
    for (let i = 0; i < 8; i++) this.scan(1024);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = Math.max(this.capacity, 1024);
    while (cap < rows) cap *= 2;
    const outOff = this.dbOff + cap * this.stride;
    const needed = outOff + cap * 4;
    const have = this.memory.buffer.byteLength;
    if (needed > have) this.memory.grow(Math.ceil((needed - have) / WASM_PAGE));
    this.capacity = cap;
    this.outOff = outOff;
    this.rowsView = new Int8Array(this.memory.buffer, this.dbOff, cap * this.stride);
    this.probeView = new Int16Array(this.memory.buffer, this.probeOff, this.stride);
  }

  rows(): Int8Array {
    return this.rowsView;
  }

  probe(): Int16Array {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    if (n > this.capacity) throw new RangeError('scan beyond reserved rows');
    this.dots(this.dbOff, this.probeOff, n, this.stride, this.outOff);
    return new Int32Array(this.memory.buffer, this.outOff, n);
  }
}

// Fallback for runtimes without wasm SIMD: same arithmetic, plain JS.
class JsKernel implements Int8DotKernel {
  readonly kind = 'js' as const;
  private capacity = 0;
  private rowsView = new Int8Array(0);
  private readonly probeView: Int16Array;
  private out = new Int32Array(0);

  constructor(readonly stride: number) {
    this.probeView = new Int16Array(stride);
    this.reserve(1024);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = Math.max(this.capacity, 1024);
    while (cap < rows) cap *= 2;
    const next = new Int8Array(cap * this.stride);
    next.set(this.rowsView);
    this.rowsView = next;
    this.out = new Int32Array(cap);
    this.capacity = cap;
  }

  rows(): Int8Array {
    return this.rowsView;
  }

  probe(): Int16Array {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    const db = this.rowsView;
    const q = this.probeView;
    const stride = this.stride;
    for (let r = 0; r < n; r++) {
      const off = r * stride;
      let s = 0;
      for (let k = 0; k < stride; k++) s += db[off + k] * q[k];
      this.out[r] = s;
    }
    return this.out.subarray(0, n);
  }
}
