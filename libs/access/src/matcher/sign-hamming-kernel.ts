// Hamming distances between one probe's sign code and many rows' sign codes, in WebAssembly SIMD
// (hand-assembled, see wasm-writer.ts). A 512-bit code is 64 bytes, an eighth of an int8 row, and
// each 16 bytes cost one xor and one popcount: the prefilter scan touches 3.2 MB at 50,000 faces
// where the int8 scan touches 25.6 MB and multiplies.
import { addTo, ensureMemory, get, i32Const, instantiate, lazyWasmModule, op, set, singleFunctionModule, storeLaneSum, v128, WasmMemory } from './wasm-writer';

/** Codes are whole 64-byte blocks (512 bits); unused trailing bits are zero in rows and probe. */
export const CODE_BLOCK_BYTES = 64;

// ham(db, probe, rows, blocks, out): out[r] = popcount(row r XOR probe), rows of blocks*64 bytes
export function buildSignHammingModuleBytes(): Uint8Array {
  // params: 0 db, 1 probe, 2 rows, 3 blocks, 4 out; locals: 5 end, 6 p, 7 rowEnd, 8 acc
  const [db, probe, rows, blocks, out, end, p, rowEnd, acc] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  // popcount(db[16k..] ^ p[16k..]) per byte lane
  const chunk = (k: number): number[] => [...get(db), ...v128.load(16 * k), ...get(p), ...v128.load(16 * k), ...v128.xor(), ...v128.i8x16Popcnt()];
  const body: number[] = [
    op.block, op.void,
    ...get(rows), op.i32Eqz, op.brIf, 0,
    ...get(out), ...get(rows), ...i32Const(2), op.i32Shl, op.i32Add, ...set(end),
    op.loop, op.void,
    ...v128.zero(), ...set(acc),
    ...get(probe), ...set(p),
    ...get(db), ...get(blocks), ...i32Const(6), op.i32Shl, op.i32Add, ...set(rowEnd),
    op.loop, op.void,
    // four chunks per block: at most 32 per byte lane, then widened into the i32 accumulator
    ...chunk(0), ...chunk(1), ...v128.i8x16Add(), ...chunk(2), ...v128.i8x16Add(), ...chunk(3), ...v128.i8x16Add(),
    ...v128.i16x8ExtaddPairwiseI8x16U(), ...v128.i32x4ExtaddPairwiseI16x8U(),
    ...get(acc), ...v128.i32x4Add(), ...set(acc),
    ...addTo(p, CODE_BLOCK_BYTES),
    ...get(db), ...i32Const(CODE_BLOCK_BYTES), op.i32Add, op.localTee, db,
    ...get(rowEnd), op.i32LtU, op.brIf, 0,
    op.end,
    ...storeLaneSum(out, acc),
    ...get(out), ...i32Const(4), op.i32Add, op.localTee, out,
    ...get(end), op.i32LtU, op.brIf, 0,
    op.end,
    op.end, // block
    op.end, // function
  ];
  return singleFunctionModule('ham', 5, { i32: 3, v128: 1 }, body);
}

const wasmModule = lazyWasmModule(buildSignHammingModuleBytes);

/** Rows of sign codes, the probe's code and the distances: a growable arena plus the scan. */
export interface SignHammingKernel {
  readonly kind: 'wasm-simd' | 'js';
  /** Bytes per code (a multiple of CODE_BLOCK_BYTES). */
  readonly codeBytes: number;
  reserve(rows: number): void;
  /** Row r's code at r * codeBytes; valid until the next reserve(). */
  rows(): Uint8Array;
  probe(): Uint8Array;
  /** Distances of rows [0, n) to the probe; the view is valid until the next call/reserve. */
  scan(n: number): Int32Array;
}

export function createSignHammingKernel(bits: number, prefer: 'auto' | 'wasm-simd' | 'js' = 'auto'): SignHammingKernel {
  const codeBytes = Math.ceil(bits / (8 * CODE_BLOCK_BYTES)) * CODE_BLOCK_BYTES;
  const mod = prefer === 'js' ? null : wasmModule();
  if (prefer === 'wasm-simd' && !mod) throw new Error('WebAssembly SIMD is not available');
  return mod ? new WasmSignKernel(mod, codeBytes) : new JsSignKernel(codeBytes);
}

class WasmSignKernel implements SignHammingKernel {
  readonly kind = 'wasm-simd' as const;
  private readonly memory: WasmMemory;
  private readonly ham: (db: number, probe: number, rows: number, blocks: number, out: number) => void;
  private capacity = 0;
  private readonly dbOff: number;
  private outOff = 0;
  private rowsView!: Uint8Array;
  private probeView!: Uint8Array;

  constructor(
    mod: object,
    readonly codeBytes: number,
  ) {
    const api = instantiate(mod);
    this.memory = api.memory as WasmMemory;
    this.ham = api.ham as WasmSignKernel['ham'];
    // Layout: [probe code][row codes ... capacity][int32 out ... capacity]
    this.dbOff = codeBytes;
    this.reserve(1024);
    for (let i = 0; i < 8; i++) this.scan(1024); // let V8 tier the function up before real probes
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = Math.max(this.capacity, 1024);
    while (cap < rows) cap *= 2;
    const outOff = this.dbOff + cap * this.codeBytes;
    ensureMemory(this.memory, outOff + cap * 4);
    this.capacity = cap;
    this.outOff = outOff;
    this.rowsView = new Uint8Array(this.memory.buffer, this.dbOff, cap * this.codeBytes);
    this.probeView = new Uint8Array(this.memory.buffer, 0, this.codeBytes);
  }

  rows(): Uint8Array {
    return this.rowsView;
  }

  probe(): Uint8Array {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    if (n > this.capacity) throw new RangeError('scan beyond reserved rows');
    this.ham(this.dbOff, 0, n, this.codeBytes / CODE_BLOCK_BYTES, this.outOff);
    return new Int32Array(this.memory.buffer, this.outOff, n);
  }
}

// Fallback for runtimes without wasm SIMD: 32 bits at a time.
class JsSignKernel implements SignHammingKernel {
  readonly kind = 'js' as const;
  private capacity = 0;
  private rowsView = new Uint8Array(0);
  private readonly probeView: Uint8Array;
  private out = new Int32Array(0);

  constructor(readonly codeBytes: number) {
    this.probeView = new Uint8Array(codeBytes);
    this.reserve(1024);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = Math.max(this.capacity, 1024);
    while (cap < rows) cap *= 2;
    const next = new Uint8Array(cap * this.codeBytes);
    next.set(this.rowsView);
    this.rowsView = next;
    this.out = new Int32Array(cap);
    this.capacity = cap;
  }

  rows(): Uint8Array {
    return this.rowsView;
  }

  probe(): Uint8Array {
    return this.probeView;
  }

  scan(n: number): Int32Array {
    const words = this.codeBytes / 4;
    const db = new Uint32Array(this.rowsView.buffer, this.rowsView.byteOffset, n * words);
    const q = new Uint32Array(this.probeView.buffer, this.probeView.byteOffset, words);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let k = 0; k < words; k++) s += popcount32(db[r * words + k] ^ q[k]);
      this.out[r] = s;
    }
    return this.out.subarray(0, n);
  }
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
