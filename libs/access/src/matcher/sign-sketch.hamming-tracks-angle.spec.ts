import { createSeededRng, impostor } from '@app/contracts/embedding';
import { coverageZ, SignSketch, walshHadamard } from './sign-sketch';

function hamming(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i] ^ b[i]; x; x &= x - 1) s++;
  return s;
}

/** A unit vector at angle `theta` from unit `u` (towards a random orthogonal direction). */
function atAngle(u: Float32Array, theta: number, seed: string): Float32Array {
  const r = impostor(createSeededRng(seed), u.length);
  let d = 0;
  for (let i = 0; i < u.length; i++) d += r[i] * u[i];
  const w = r.map((x, i) => x - d * u[i]);
  const n = Math.hypot(...w);
  return u.map((x, i) => Math.cos(theta) * x + (Math.sin(theta) * w[i]) / n);
}

describe('sign sketch', () => {
  const sketch = new SignSketch(512);
  const code = (v: Float32Array): Uint8Array => {
    const out = new Uint8Array(64);
    sketch.encode(v, out);
    return out;
  };

  it('the Walsh-Hadamard transform applied twice is n times the identity', () => {
    const a = Float64Array.from({ length: 16 }, (_, i) => i * 0.5 - 3);
    const b = Float64Array.from(a);
    walshHadamard(b);
    walshHadamard(b);
    expect(Array.from(b)).toEqual(Array.from(a, (x) => 16 * x));
  });

  it('is deterministic, zero for the same vector and every bit for its opposite', () => {
    const u = impostor(createSeededRng('u'), 512);
    expect(code(u)).toEqual(code(Float32Array.from(u)));
    expect(hamming(code(u), code(u))).toBe(0);
    expect(hamming(code(u), code(u.map((x) => -x)))).toBe(512);
  });

  it('Hamming distance follows θ/π: averaged over many pairs at each angle', () => {
    for (const theta of [Math.PI / 6, Math.PI / 3, Math.PI / 2, (2 * Math.PI) / 3]) {
      let total = 0;
      const pairs = 60;
      for (let k = 0; k < pairs; k++) {
        const u = impostor(createSeededRng(`pair-${k}`), 512);
        total += hamming(code(u), code(atAngle(u, theta, `other-${k}`)));
      }
      const expected = (512 * theta) / Math.PI;
      // sd of one distance is at most sqrt(512)/2 ≈ 11.3, so of the mean ≈ 1.5
      expect(Math.abs(total / pairs - expected)).toBeLessThan(6);
    }
  });

  it('spreads skewed vectors: a constant offset on every coordinate does not collapse the codes', () => {
    // Without the rotation every coordinate of these vectors is positive, so raw signs are all equal.
    const skewed = (seed: string): Float32Array => impostor(createSeededRng(seed), 512).map((x) => Math.abs(x) + 0.01);
    const d = hamming(code(skewed('a')), code(skewed('b')));
    expect(d).toBeGreaterThan(100);
  });

  it('coverageZ: higher for a wider cut and for a lower score, infinite when certain', () => {
    expect(coverageZ(0.6, 220, 512)).toBeGreaterThan(coverageZ(0.6, 200, 512));
    expect(coverageZ(0.3, 220, 512)).toBeLessThan(coverageZ(0.6, 220, 512));
    // a genuine capture (score ≈ 0.59) with the 32nd-nearest of 50,000 impostors at ≈ 218
    expect(coverageZ(0.59, 218, 512)).toBeGreaterThan(5);
    // an impostor's best (≈ 0.17) is nowhere near safe
    expect(coverageZ(0.17, 218, 512)).toBeLessThan(1);
    expect(coverageZ(1, 0, 512)).toBe(Infinity);
  });
});
