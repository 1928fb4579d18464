// Int8 dot products of one probe against many rows, in WebAssembly SIMD. There is no wasm
// toolchain on the build machines, so the module's bytes are written out here by hand: one
// function, about 400 bytes. Rows are int8 padded to a multiple of 64 bytes; the probe is stored
// pre-extended to int16, so each 16-byte chunk of a row costs one load, two sign extensions and two
// i32x4.dot_i16x8_s (pmaddwd). Integer sums are exact, which the matcher's exactness proof needs.
// Measured alternatives: a two-rows-per-pass variant was 3x slower under V8; plain JS int8 is no
// faster than the float32 loop (~50 ms at 50k x 512) and is kept only as a fallback.
import { JsScanKernel, ScanKernel, WasmScanKernel } from './scan-kernel';
import { addTo, get, i32Const, lazyWasmModule, op, set, singleFunctionModule, storeLaneSum, v128 } from './wasm-writer';

export const ROW_ALIGN = 64;

// dots(db, probe, rows, stride, out): out[r] = sum_k int8 db[r*stride + k] * int16 probe[k]
export function buildInt8DotModuleBytes(): Uint8Array {
  // params: 0 db, 1 probe, 2 rows, 3 stride, 4 out; locals: 5 end, 6 p, 7 rowEnd, 8 acc0, 9 acc1, 10 a
  const [db, probe, rows, stride, out, end, p, rowEnd, acc0, acc1, a] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  const chunk = (k: number): number[] => [
    // a = db[16k .. 16k+16)
    ...get(db), ...v128.load(16 * k), ...set(a),
    // acc0 += dot(extend_low(a), probe16[16k .. 16k+8))
    ...get(a), ...v128.i16x8ExtendLowI8x16S(), ...get(p), ...v128.load(32 * k), ...v128.i32x4DotI16x8S(),
    ...get(acc0), ...v128.i32x4Add(), ...set(acc0),
    // acc1 += dot(extend_high(a), probe16[16k+8 .. 16k+16))
    ...get(a), ...v128.i16x8ExtendHighI8x16S(), ...get(p), ...v128.load(32 * k + 16), ...v128.i32x4DotI16x8S(),
    ...get(acc1), ...v128.i32x4Add(), ...set(acc1),
  ];

  const body: number[] = [
    op.block, op.void,
    ...get(rows), op.i32Eqz, op.brIf, 0,
    // end = out + rows * 4
    ...get(out), ...get(rows), ...i32Const(2), op.i32Shl, op.i32Add, ...set(end),
    op.loop, op.void,
    ...v128.zero(), ...set(acc0),
    ...v128.zero(), ...set(acc1),
    ...get(probe), ...set(p),
    ...get(db), ...get(stride), op.i32Add, ...set(rowEnd),
    op.loop, op.void,
    ...chunk(0), ...chunk(1), ...chunk(2), ...chunk(3),
    ...get(db), ...i32Const(64), op.i32Add, op.localTee, db,
    ...addTo(p, 128),
    ...get(rowEnd), op.i32LtU, op.brIf, 0,
    op.end,
    // out[r] = lane sum of acc0 + acc1
    ...get(acc0), ...get(acc1), ...v128.i32x4Add(), ...set(acc0),
    ...storeLaneSum(out, acc0),
    ...get(out), ...i32Const(4), op.i32Add, op.localTee, out,
    ...get(end), op.i32LtU, op.brIf, 0,
    op.end,
    op.end, // block
    op.end, // function
  ];
  return singleFunctionModule('dots', 5, { i32: 3, v128: 3 }, body);
}

const wasmModule = lazyWasmModule(buildInt8DotModuleBytes);

export function isWasmSimdAvailable(): boolean {
  return wasmModule() !== null;
}

/** The int8 rows, the int16 probe and the int32 results, plus the scan (see scan-kernel.ts). */
export interface Int8DotKernel extends ScanKernel<Int8Array, Int16Array> {
  /** Row stride in bytes (dim rounded up to ROW_ALIGN); the probe has `stride` int16 entries. */
  readonly stride: number;
}

export function createInt8DotKernel(dim: number, prefer: 'auto' | 'wasm-simd' | 'js' = 'auto'): Int8DotKernel {
  const stride = Math.ceil(dim / ROW_ALIGN) * ROW_ALIGN;
  const mod = prefer === 'js' ? null : wasmModule();
  if (prefer === 'wasm-simd' && !mod) throw new Error('WebAssembly SIMD is not available');
  const shape = { rowBytes: stride, rowKind: Int8Array, probeKind: Int16Array, probeLength: stride };
  const kernel = mod ? new WasmScanKernel(mod, 'dots', shape, stride) : new JsScanKernel(shape, (db, q, n, out) => jsDots(db, q, n, stride, out));
  return Object.assign(kernel, { stride });
}

function jsDots(db: Int8Array, q: Int16Array, n: number, stride: number, out: Int32Array): void {
  for (let r = 0; r < n; r++) {
    const off = r * stride;
    let s = 0;
    for (let k = 0; k < stride; k++) s += db[off + k] * q[k];
    out[r] = s;
  }
}
