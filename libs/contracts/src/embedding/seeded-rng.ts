// Deterministic PRNG shared by the seed data, the simulator and the benchmarks. Math.random is never
// used: the same seed must give the same faces on every machine and in every process.

// Local aliases: a global `Math.x` lookup per call is slow inside jest's vm context.
const { imul, sqrt, log, sin, cos, floor, PI } = Math;

export interface SeededRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1) (Box-Muller). */
  gaussian(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

// cyrb128: spreads any string over four 32-bit words, so nearby seeds ("p1", "p2") are unrelated.
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ imul(h1 ^ k, 597399067);
    h2 = h3 ^ imul(h2 ^ k, 2869860233);
    h3 = h4 ^ imul(h3 ^ k, 951274213);
    h4 = h1 ^ imul(h4 ^ k, 2716044179);
  }
  h1 = imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 seeded from any number or string; passes PractRand far beyond what we draw. */
export function createSeededRng(seed: number | string): SeededRng {
  let [a, b, c, d] = hashSeed(String(seed));
  let spare: number | null = null;

  const nextU32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of sfc32 still correlate with the seed words.
  for (let i = 0; i < 15; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;

  return {
    next,
    int: (n: number): number => floor(next() * n),
    gaussian: (): number => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 - u keeps u1 in (0, 1], so log never sees 0.
      const u1 = 1 - next();
      const u2 = next();
      const r = sqrt(-2 * log(u1));
      spare = r * sin(2 * PI * u2);
      return r * cos(2 * PI * u2);
    },
  };
}
