import { createSeededRng } from '@app/contracts/embedding';
import { isWasmSimdAvailable } from './int8-dot-kernel';
import { CODE_BLOCK_BYTES, createSignHammingKernel, SignHammingKernel } from './sign-hamming-kernel';

function fill(kind: 'wasm-simd' | 'js', bits: number, rows: number, seed: string): SignHammingKernel {
  const k = createSignHammingKernel(bits, kind);
  k.reserve(rows);
  const rng = createSeededRng(seed);
  const used = bits / 8;
  for (let r = 0; r < rows; r++) for (let i = 0; i < used; i++) k.rows()[r * k.codeBytes + i] = rng.int(256);
  for (let i = 0; i < used; i++) k.probe()[i] = rng.int(256);
  return k;
}

function naive(k: SignHammingKernel, rows: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < k.codeBytes; i++) {
      let x = k.rows()[r * k.codeBytes + i] ^ k.probe()[i];
      for (; x; x &= x - 1) s++;
    }
    out.push(s);
  }
  return out;
}

describe('sign Hamming kernel', () => {
  it('WebAssembly SIMD validates and loads on this runtime', () => {
    expect(isWasmSimdAvailable()).toBe(true);
    expect(createSignHammingKernel(512).kind).toBe('wasm-simd');
  });

  it.each(['wasm-simd', 'js'] as const)('%s counts differing bits exactly, from 0 to every bit', (kind) => {
    const k = fill(kind, 512, 300, 'ham');
    k.rows().fill(0, 0, 64); // row 0 all zeros vs probe all ones: every bit differs
    k.probe().fill(0xff, 0, 64);
    k.rows().fill(0xff, 64, 128); // row 1 equals the probe
    const got = Array.from(k.scan(300));
    expect(got).toEqual(naive(k, 300));
    expect(got[0]).toBe(512);
    expect(got[1]).toBe(0);
  });

  it.each(['wasm-simd', 'js'] as const)('%s handles codes of several blocks and keeps rows across growth', (kind) => {
    const k = fill(kind, 1024, 40, 'blocks');
    expect(k.codeBytes).toBe(2 * CODE_BLOCK_BYTES);
    const before = naive(k, 40);
    k.reserve(5000);
    expect(Array.from(k.scan(40))).toEqual(before);
  });

  it.each(['wasm-simd', 'js'] as const)('%s lists exactly the rows within the limit, in row order, for one- and many-block codes', (kind) => {
    for (const bits of [512, 1024]) {
      const k = fill(kind, bits, 700, `near-${bits}`);
      const want = naive(k, 700);
      for (const limit of [0, bits / 2 - 12, bits / 2, bits / 2 + 12, bits]) {
        const { results, near } = k.scanNear(700, limit);
        expect(Array.from(results)).toEqual(want);
        expect(Array.from(near)).toEqual(want.flatMap((d, r) => (d <= limit ? [r] : [])));
      }
    }
    expect(fill(kind, 512, 10, 'near-none').scanNear(0, 512).near).toHaveLength(0);
  });

  it('pads short codes to a whole block and scanning zero rows is a no-op', () => {
    const k = createSignHammingKernel(128);
    expect(k.codeBytes).toBe(CODE_BLOCK_BYTES);
    expect(k.scan(0)).toHaveLength(0);
  });
});
