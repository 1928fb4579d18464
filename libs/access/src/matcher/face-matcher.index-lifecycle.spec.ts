import { trueFace } from '@app/contracts/embedding';
import { ExactFloat32Matcher } from './exact-float32-matcher';
import { FaceMatcher } from './face-matcher';
import { QuantizedMatcher } from './quantized-matcher';

// Every FaceMatcher implementation must pass the same behaviour specs (tiny initial capacity to
// exercise growth).
const MATCHER_IMPLEMENTATIONS: Array<[string, (dim: number) => FaceMatcher]> = [
  ['ExactFloat32Matcher', (dim) => new ExactFloat32Matcher(dim, 4)],
  ['QuantizedMatcher (wasm-simd)', (dim) => new QuantizedMatcher(dim, { kernel: 'wasm-simd', initialCapacity: 4 })],
  ['QuantizedMatcher (js)', (dim) => new QuantizedMatcher(dim, { kernel: 'js', initialCapacity: 4 })],
];

describe.each(MATCHER_IMPLEMENTATIONS)('%s index lifecycle', (_name, make) => {
  const face = (k: string, dim = 64): Float32Array => trueFace('lifecycle', k, dim);

  it('returns null on an empty index', () => {
    const m = make(64);
    expect(m.size).toBe(0);
    expect(m.search(face('a'))).toBeNull();
  });

  it('finds an enrolled face with cosine ~1 and normalizes what it stores', () => {
    const m = make(64);
    m.upsert('alice', face('alice').map((x) => x * 7)); // not unit length on the way in
    m.upsert('bob', face('bob'));
    const hit = m.search(face('alice'));
    expect(hit?.personId).toBe('alice');
    expect(hit!.score).toBeCloseTo(1, 5);
  });

  it('upsert replaces the template instead of adding a second one', () => {
    const m = make(64);
    m.upsert('alice', face('old'));
    m.upsert('bob', face('bob'));
    m.upsert('alice', face('new'));
    expect(m.size).toBe(2);
    expect(m.search(face('new'))?.personId).toBe('alice');
    // the old template is gone: searching it finds no near-perfect match any more
    expect(m.search(face('old'))!.score).toBeLessThan(0.6);
  });

  it('remove drops the person at once and keeps every other person findable (swap-remove)', () => {
    const m = make(64);
    for (let i = 0; i < 10; i++) m.upsert(`p${i}`, face(`p${i}`));
    expect(m.remove('p3')).toBe(true);
    expect(m.remove('p3')).toBe(false);
    expect(m.remove('nobody')).toBe(false);
    expect(m.size).toBe(9);
    expect(m.has('p3')).toBe(false);
    expect(m.search(face('p3'))?.personId).not.toBe('p3');
    // p9 was the last row and moved into p3's slot
    for (let i = 0; i < 10; i++) {
      if (i !== 3) expect(m.search(face(`p${i}`))).toEqual({ personId: `p${i}`, score: expect.closeTo(1, 5) });
    }
  });

  it('removing everyone leaves an empty index that can be refilled', () => {
    const m = make(64);
    for (let i = 0; i < 5; i++) m.upsert(`p${i}`, face(`p${i}`));
    for (let i = 4; i >= 0; i--) m.remove(`p${i}`);
    expect(m.size).toBe(0);
    expect(m.search(face('p1'))).toBeNull();
    m.upsert('p1', face('p1'));
    expect(m.search(face('p1'))?.personId).toBe('p1');
  });

  it('grows past its initial capacity without losing templates', () => {
    const m = make(64);
    for (let i = 0; i < 2100; i++) m.upsert(`p${i}`, face(`p${i}`));
    expect(m.size).toBe(2100);
    for (const i of [0, 3, 1023, 1024, 2047, 2099]) expect(m.search(face(`p${i}`))?.personId).toBe(`p${i}`);
  });

  it('breaks an exact score tie in favour of the smaller personId, whatever the insertion order', () => {
    const m = make(64);
    m.upsert('zed', face('twin'));
    m.upsert('amy', face('twin'));
    expect(m.search(face('twin'))?.personId).toBe('amy');
  });

  it('rejects templates of the wrong length or zero vectors, and ignores unusable probes', () => {
    const m = make(64);
    expect(() => m.upsert('x', new Float32Array(63))).toThrow(RangeError);
    expect(() => m.upsert('x', new Float32Array(64))).toThrow(RangeError);
    expect(m.size).toBe(0);
    m.upsert('alice', face('alice'));
    expect(m.search(new Float32Array(64))).toBeNull();
    expect(m.search(new Float32Array(32))).toBeNull();
  });
});
