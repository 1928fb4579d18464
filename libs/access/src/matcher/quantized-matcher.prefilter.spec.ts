import { capture, createSeededRng, impostor, trueFace } from '@app/contracts/embedding';
import { ExactFloat32Matcher } from './exact-float32-matcher';
import { PREFILTER_MIN_ROWS, QuantizedMatcher } from './quantized-matcher';

const N = PREFILTER_MIN_ROWS * 2;

function enrol(n: number, prefilter = true) {
  const ref = new ExactFloat32Matcher(512);
  const fast = new QuantizedMatcher(512, { prefilter });
  for (let i = 0; i < n; i++) {
    const v = trueFace('pre', `p${i}`);
    ref.upsert(`p${i}`, v);
    fast.upsert(`p${i}`, v);
  }
  return { ref, fast };
}

describe('QuantizedMatcher sketch prefilter', () => {
  const { ref, fast } = enrol(N);

  it('answers genuine captures from the sketch candidates, with the reference answer', () => {
    const rng = createSeededRng('genuine');
    let viaPrefilter = 0;
    for (let k = 0; k < 60; k++) {
      const probe = capture(trueFace('pre', `p${rng.int(N)}`), 0.06, rng);
      expect(fast.search(probe)).toEqual(ref.search(probe));
      if (fast.lastSearch.path === 'prefilter') viaPrefilter++;
      if (fast.lastSearch.path === 'prefilter') expect(fast.lastSearch.cut).toBe('limit');
      expect(fast.lastSearch.reranked).toBeLessThan(200);
    }
    expect(viaPrefilter).toBeGreaterThanOrEqual(57);
  });

  it('falls back to the exact scan for impostors (no candidate is safely the best)', () => {
    const rng = createSeededRng('impostors');
    for (let k = 0; k < 30; k++) {
      const probe = impostor(rng);
      expect(fast.search(probe)).toEqual(ref.search(probe));
      expect(fast.lastSearch.path).toBe('scan');
    }
  });

  it('keeps sketches in step with removals (the swapped-in row answers for itself)', () => {
    const local = enrol(PREFILTER_MIN_ROWS + 10);
    const rng = createSeededRng('removal');
    local.fast.remove('p3');
    local.ref.remove('p3');
    const last = `p${PREFILTER_MIN_ROWS + 9}`; // moved into p3's slot
    const probe = capture(trueFace('pre', last), 0.06, rng);
    expect(local.fast.search(probe)).toEqual(local.ref.search(probe));
    expect(local.fast.search(probe)?.personId).toBe(last);
    const gone = capture(trueFace('pre', 'p3'), 0.06, rng);
    expect(local.fast.search(gone)).toEqual(local.ref.search(gone));
    expect(local.fast.search(gone)?.personId).not.toBe('p3');
  });

  it('a near-duplicate crowd around the probe still yields the reference answer', () => {
    const rng = createSeededRng('crowd');
    const crowded = enrol(N);
    const base = trueFace('pre', 'twin');
    for (let i = 0; i < 300; i++) {
      const v = base.map((x) => x + 0.002 * rng.gaussian());
      crowded.fast.upsert(`twin${i}`, v);
      crowded.ref.upsert(`twin${i}`, v);
    }
    for (let k = 0; k < 20; k++) {
      const probe = base.map((x) => x + 0.002 * rng.gaussian());
      expect(crowded.fast.search(probe)).toEqual(crowded.ref.search(probe));
    }
  });

  it('where unrelated faces are alike (a shared component), the limit overflows and the histogram cut still gives the reference answer', () => {
    // Every template leans towards one common direction, so unrelated sketches differ in far fewer
    // than half their bits and thousands of rows fall under the fixed limit.
    const common = trueFace('pre', 'common');
    const lean = (v: Float32Array) => v.map((x, i) => 0.8 * x + 0.6 * common[i]);
    const alike = { ref: new ExactFloat32Matcher(512), fast: new QuantizedMatcher(512) };
    for (let i = 0; i < N; i++) {
      const v = lean(trueFace('alike', `p${i}`));
      alike.ref.upsert(`p${i}`, v);
      alike.fast.upsert(`p${i}`, v);
    }
    const rng = createSeededRng('alike');
    const cuts = new Set<string | null>();
    for (let k = 0; k < 20; k++) {
      const probe = capture(lean(trueFace('alike', `p${rng.int(N)}`)), 0.03, rng);
      expect(alike.fast.search(probe)).toEqual(alike.ref.search(probe));
      cuts.add(alike.fast.lastSearch.cut);
    }
    expect(cuts.has('histogram')).toBe(true);
  });

  it('below the row minimum, or switched off, every probe takes the exact scan', () => {
    const small = enrol(PREFILTER_MIN_ROWS - 1);
    const off = new QuantizedMatcher(512, { prefilter: false });
    for (let i = 0; i < N; i++) off.upsert(`p${i}`, trueFace('pre', `p${i}`));
    const rng = createSeededRng('off');
    const probe = capture(trueFace('pre', 'p7'), 0.06, rng);
    expect(small.fast.search(probe)?.personId).toBe('p7');
    expect(small.fast.lastSearch.path).toBe('scan');
    expect(off.search(probe)).toEqual(ref.search(probe));
    expect(off.lastSearch.path).toBe('scan');
  });
});
