// Hamming distances between one probe's sign code and many rows' sign codes, in WebAssembly SIMD
// (hand-assembled, see wasm-writer.ts). A 512-bit code is 64 bytes, an eighth of an int8 row, and
// each 16 bytes cost one xor and one popcount: the prefilter scan touches 3.2 MB at 50,000 faces
// where the int8 scan touches 25.6 MB and multiplies.
import { JsScanKernel, ScanKernel, WasmScanKernel } from './scan-kernel';
import { addTo, get, i32Const, laneSum, lazyWasmModule, op, set, singleFunctionModule, v128 } from './wasm-writer';

/** Codes are whole 64-byte blocks (512 bits); unused trailing bits are zero in rows and probe. */
export const CODE_BLOCK_BYTES = 64;

// ham(db, probe, rows, blocks, out, limit, list) -> count: out[r] = popcount(row r XOR probe), rows of
// blocks*64 bytes; the index of every row with out[r] <= limit (signed: -1 lists none) goes to list,
// and how many is returned, so the prefilter finds its candidates without another pass over every
// row in JS. The one-block variant (codes of up to 512 bits, the default dimension) keeps the probe
// in registers and has no inner loop (measured ~10 % faster than the general loop at 50,000 rows).
export function buildSignHammingModuleBytes(singleBlock = false): Uint8Array {
  // params: 0 db, 1 probe, 2 rows, 3 blocks, 4 out, 5 limit, 6 list;
  // locals: 7 end, 8 p, 9 rowEnd, 10 d, 11 count, 12 row, 13 acc, 14-17 probe chunks (v128)
  const [db, probe, rows, blocks, out, limit, list, end, p, rowEnd, d, count, row, acc] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const q = [14, 15, 16, 17];
  // popcount(db[16k..] ^ probe chunk k) per byte lane, the probe chunk from memory or a register
  const chunk = (k: number): number[] => [...get(db), ...v128.load(16 * k), ...(singleBlock ? get(q[k]) : [...get(p), ...v128.load(16 * k)]), ...v128.xor(), ...v128.i8x16Popcnt()];
  // four chunks per block: at most 32 per byte lane, then widened to four i32 lanes
  const block = [...chunk(0), ...chunk(1), ...v128.i8x16Add(), ...chunk(2), ...v128.i8x16Add(), ...chunk(3), ...v128.i8x16Add(), ...v128.i16x8ExtaddPairwiseI8x16U(), ...v128.i32x4ExtaddPairwiseI16x8U()];
  const nextDb = [...get(db), ...i32Const(CODE_BLOCK_BYTES), op.i32Add, op.localTee, db];
  const rowDistance = singleBlock
    ? [...block, ...set(acc), ...nextDb, op.drop]
    : [
        ...v128.zero(), ...set(acc),
        ...get(probe), ...set(p),
        ...get(db), ...get(blocks), ...i32Const(6), op.i32Shl, op.i32Add, ...set(rowEnd),
        op.loop, op.void,
        ...block, ...get(acc), ...v128.i32x4Add(), ...set(acc),
        ...addTo(p, CODE_BLOCK_BYTES),
        ...nextDb, ...get(rowEnd), op.i32LtU, op.brIf, 0,
        op.end,
      ];
  const body: number[] = [
    op.block, op.void,
    ...get(rows), op.i32Eqz, op.brIf, 0,
    ...get(out), ...get(rows), ...i32Const(2), op.i32Shl, op.i32Add, ...set(end),
    ...(singleBlock ? q.flatMap((local, k) => [...get(probe), ...v128.load(16 * k), ...set(local)]) : []),
    op.loop, op.void,
    ...rowDistance,
    ...laneSum(acc), op.localTee, d,
    ...get(out), ...get(d), op.i32Store, 2, 0,
    // near: list[count++] = row
    ...get(limit), op.i32LeS, op.if, op.void,
    ...get(list), ...get(count), ...i32Const(2), op.i32Shl, op.i32Add, ...get(row), op.i32Store, 2, 0,
    ...addTo(count, 1),
    op.end,
    ...addTo(row, 1),
    ...get(out), ...i32Const(4), op.i32Add, op.localTee, out,
    ...get(end), op.i32LtU, op.brIf, 0,
    op.end,
    op.end, // block
    ...get(count),
    op.end, // function
  ];
  return singleFunctionModule('ham', 7, { i32: 6, v128: 5 }, body, true);
}

const wasmModules = { one: lazyWasmModule(() => buildSignHammingModuleBytes(true)), many: lazyWasmModule(() => buildSignHammingModuleBytes(false)) };

/** Rows of sign codes, the probe's code and the distances, plus the scan (see scan-kernel.ts). */
export interface SignHammingKernel extends ScanKernel<Uint8Array, Uint8Array> {
  /** Bytes per code (a multiple of CODE_BLOCK_BYTES). */
  readonly codeBytes: number;
}

export function createSignHammingKernel(bits: number, prefer: 'auto' | 'wasm-simd' | 'js' = 'auto'): SignHammingKernel {
  const codeBytes = Math.ceil(bits / (8 * CODE_BLOCK_BYTES)) * CODE_BLOCK_BYTES;
  const mod = prefer === 'js' ? null : wasmModules[codeBytes === CODE_BLOCK_BYTES ? 'one' : 'many']();
  if (prefer === 'wasm-simd' && !mod) throw new Error('WebAssembly SIMD is not available');
  const shape = { rowBytes: codeBytes, rowKind: Uint8Array, probeKind: Uint8Array, probeLength: codeBytes, nearList: true };
  const kernel = mod
    ? new WasmScanKernel(mod, 'ham', shape, codeBytes / CODE_BLOCK_BYTES)
    : new JsScanKernel(shape, (db, q, n, out) => jsDistances(db, q, n, codeBytes, out));
  return Object.assign(kernel, { codeBytes });
}

// 32 bits at a time.
function jsDistances(rows: Uint8Array, probe: Uint8Array, n: number, codeBytes: number, out: Int32Array): void {
  const words = codeBytes / 4;
  const db = new Uint32Array(rows.buffer, rows.byteOffset, n * words);
  const q = new Uint32Array(probe.buffer, probe.byteOffset, words);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let k = 0; k < words; k++) s += popcount32(db[r * words + k] ^ q[k]);
    out[r] = s;
  }
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
