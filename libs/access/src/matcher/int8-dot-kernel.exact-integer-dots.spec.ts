import { createSeededRng } from '@app/contracts/embedding';
import { createInt8DotKernel, isWasmSimdAvailable, ROW_ALIGN } from './int8-dot-kernel';

function fill(kind: 'wasm-simd' | 'js', dim: number, rows: number, seed: string) {
  const k = createInt8DotKernel(dim, kind);
  k.reserve(rows);
  const rng = createSeededRng(seed);
  const db = k.rows();
  for (let r = 0; r < rows; r++) for (let i = 0; i < dim; i++) db[r * k.stride + i] = rng.int(256) - 128;
  const p = k.probe();
  for (let i = 0; i < dim; i++) p[i] = rng.int(256) - 128;
  return k;
}

function naive(k: ReturnType<typeof createInt8DotKernel>, dim: number, rows: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < dim; i++) s += k.rows()[r * k.stride + i] * k.probe()[i];
    out.push(s);
  }
  return out;
}

describe('int8 dot kernel', () => {
  it('WebAssembly SIMD validates and loads on this runtime', () => {
    expect(isWasmSimdAvailable()).toBe(true);
  });

  it.each(['wasm-simd', 'js'] as const)('%s computes exact integer dots, extremes included', (kind) => {
    const k = fill(kind, 512, 300, 'dots');
    // extreme row: -128 * -128 everywhere is the largest magnitude
    k.rows().fill(-128, 0, 512);
    k.probe().fill(-128, 0, 512);
    expect(Array.from(k.scan(300))).toEqual(naive(k, 512, 300));
    expect(k.scan(300)[0]).toBe(512 * 128 * 128);
  });

  it.each(['wasm-simd', 'js'] as const)('%s pads odd dimensions to the row alignment and keeps rows across growth', (kind) => {
    const k = fill(kind, 70, 50, 'odd');
    expect(k.stride).toBe(2 * ROW_ALIGN);
    const before = naive(k, 70, 50);
    k.reserve(5000);
    expect(Array.from(k.scan(50))).toEqual(before);
  });

  it('scanning zero rows is a no-op', () => {
    expect(fill('wasm-simd', 64, 1, 'zero').scan(0)).toHaveLength(0);
  });
});
