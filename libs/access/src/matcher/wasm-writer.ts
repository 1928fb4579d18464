// A minimal WebAssembly binary writer for the matcher's hand-written SIMD kernels. There is no wasm
// toolchain on the build machines, so each kernel's bytes are assembled here: enough opcodes for
// loops over linear memory, integer arithmetic and the few SIMD instructions the kernels use.

export const WASM_PAGE = 65536;

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
/** Signed LEB128 of a small non-negative constant (i32.const immediates). */
export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const str = (s: string): number[] => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));

export const I32 = 0x7f;
export const V128 = 0x7b;
export const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  void: 0x40,
  end: 0x0b,
  drop: 0x1a,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32LeS: 0x4c,
  i32Add: 0x6a,
  i32Shl: 0x74,
} as const;

export const get = (l: number): number[] => [op.localGet, l];
export const set = (l: number): number[] => [op.localSet, l];
export const i32Const = (n: number): number[] => [op.i32Const, ...sleb(n)];
/** local += n (i32). */
export const addTo = (l: number, n: number): number[] => [...get(l), ...i32Const(n), op.i32Add, ...set(l)];

const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...uleb(code), ...imm];
export const v128 = {
  load: (offset: number): number[] => simd(0x00, 4, ...uleb(offset)), // align 2^4
  zero: (): number[] => simd(0x0c, ...new Array(16).fill(0)),
  xor: (): number[] => simd(0x51),
  i8x16Popcnt: (): number[] => simd(0x62),
  i8x16Add: (): number[] => simd(0x6e),
  i16x8ExtaddPairwiseI8x16U: (): number[] => simd(0x7d),
  i32x4ExtaddPairwiseI16x8U: (): number[] => simd(0x7f),
  i16x8ExtendLowI8x16S: (): number[] => simd(0x87),
  i16x8ExtendHighI8x16S: (): number[] => simd(0x88),
  i32x4DotI16x8S: (): number[] => simd(0xba),
  i32x4Add: (): number[] => simd(0xae),
  i32x4ExtractLane: (lane: number): number[] => simd(0x1b, lane),
};

/** Pushes the sum of the four i32 lanes of local `acc`. */
export const laneSum = (acc: number): number[] => [
  ...get(acc), ...v128.i32x4ExtractLane(0),
  ...get(acc), ...v128.i32x4ExtractLane(1), op.i32Add,
  ...get(acc), ...v128.i32x4ExtractLane(2), op.i32Add,
  ...get(acc), ...v128.i32x4ExtractLane(3), op.i32Add,
];

/** Stores the sum of the four i32 lanes of local `acc` at the address in local `out`. */
export const storeLaneSum = (out: number, acc: number): number[] => [...get(out), ...laneSum(acc), op.i32Store, 2, 0];

/**
 * A module with one exported function `name` taking `params` i32 parameters and returning nothing
 * (or one i32 when `returnsI32`), plus its exported, growable memory (`memory`).
 */
export function singleFunctionModule(name: string, params: number, locals: { i32: number; v128: number }, body: number[], returnsI32 = false): Uint8Array {
  const fn = [...vec([[locals.i32, I32], [locals.v128, V128]]), ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(new Array(params).fill([I32])), ...vec(returnsI32 ? [[I32]] : [])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory: min 1 page, no max
    ...section(7, vec([[...str(name), 0x00, 0], [...str('memory'), 0x02, 0]])),
    ...section(10, vec([[...uleb(fn.length), ...fn]])),
  ];
  return Uint8Array.from(bytes);
}

// The project's TypeScript lib set has no WebAssembly typings (no DOM lib), so declare the bits used.
export interface WasmMemory {
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

/** Compiles `bytes` once; null where WebAssembly (SIMD) is unavailable or refuses the module. */
export function lazyWasmModule(build: () => Uint8Array): () => WasmModule | null {
  let compiled: WasmModule | null | undefined;
  return () => {
    if (compiled === undefined) {
      const bytes = build();
      compiled = wasmApi && wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null;
    }
    return compiled;
  };
}

export function instantiate(mod: WasmModule): Record<string, unknown> {
  return new wasmApi!.Instance(mod, {}).exports;
}

/** Grows `memory` so it holds at least `bytes`. */
export function ensureMemory(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
}
