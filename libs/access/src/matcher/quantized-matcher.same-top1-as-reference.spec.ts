import { capture, createSeededRng, impostor, SeededRng, trueFace } from '@app/contracts/embedding';
import { ExactFloat32Matcher } from './exact-float32-matcher';
import { QuantizedMatcher } from './quantized-matcher';

function enrolBoth(n: number, dim: number, kernel: 'wasm-simd' | 'js', make: (i: number) => Float32Array) {
  const ref = new ExactFloat32Matcher(dim);
  const fast = new QuantizedMatcher(dim, { kernel });
  for (let i = 0; i < n; i++) {
    const v = make(i);
    ref.upsert(`p${i}`, v);
    fast.upsert(`p${i}`, v);
  }
  return { ref, fast };
}

function jitter(v: Float32Array, sigma: number, rng: SeededRng): Float32Array {
  return v.map((x) => x + sigma * rng.gaussian());
}

describe.each(['wasm-simd', 'js'] as const)('QuantizedMatcher (%s) returns exactly the reference top-1', (kernel) => {
  it('on genuine captures and impostors over 2,000 random 512-dim templates', () => {
    const { ref, fast } = enrolBoth(2000, 512, kernel, (i) => trueFace('spec', `p${i}`));
    const rng = createSeededRng(`probes-${kernel}`);
    for (let k = 0; k < 100; k++) {
      const probe = k % 2 === 0 ? capture(trueFace('spec', `p${rng.int(2000)}`), 0.06, rng) : impostor(rng);
      // Same person and the very same score bits, not merely close.
      expect(fast.search(probe)).toEqual(ref.search(probe));
    }
  });

  it('when many templates are near-duplicates, so the int8 ranking alone is unreliable', () => {
    const rng = createSeededRng('near-duplicates');
    const base = trueFace('spec', 'twin', 512);
    // 400 templates within ~1e-3 cosine of each other: quantization error is larger than their gaps.
    const { ref, fast } = enrolBoth(400, 512, kernel, () => jitter(base, 0.0005, rng));
    let rerankedMoreThanOne = 0;
    for (let k = 0; k < 60; k++) {
      const probe = jitter(base, 0.0005, rng);
      expect(fast.search(probe)).toEqual(ref.search(probe));
      if (fast.lastSearch.reranked > 1) rerankedMoreThanOne++;
    }
    expect(rerankedMoreThanOne).toBe(60);
  });

  it('for a dimension that is not a multiple of the SIMD row alignment', () => {
    const { ref, fast } = enrolBoth(500, 100, kernel, (i) => trueFace('odd', `p${i}`, 100));
    const rng = createSeededRng('odd-dim');
    for (let k = 0; k < 50; k++) {
      const probe = k % 2 === 0 ? capture(trueFace('odd', `p${rng.int(500)}`, 100), 0.06, rng) : impostor(rng, 100);
      expect(fast.search(probe)).toEqual(ref.search(probe));
    }
  });

  it('re-ranks only a handful of rows for ordinary probes', () => {
    const fast = new QuantizedMatcher(512, { kernel });
    for (let i = 0; i < 2000; i++) fast.upsert(`p${i}`, trueFace('spec', `p${i}`));
    const rng = createSeededRng('rerank-count');
    let total = 0;
    for (let k = 0; k < 50; k++) {
      fast.search(k % 2 ? impostor(rng) : capture(trueFace('spec', `p${rng.int(2000)}`), 0.06, rng));
      total += fast.lastSearch.reranked;
    }
    expect(total / 50).toBeLessThan(20);
  });
});

describe('QuantizedMatcher kernel selection', () => {
  it('uses WebAssembly SIMD on this runtime by default', () => {
    expect(new QuantizedMatcher(512).kernelKind).toBe('wasm-simd');
  });
});
