import { createSeededRng } from '@app/contracts/embedding';
import { nearDistanceLimit, unrelatedDistanceCdf } from './sign-sketch';

describe('the prefilter near limit', () => {
  const cdf = unrelatedDistanceCdf(512);

  it('is the Binomial(bits, ½) distribution of unrelated sketches: symmetric, increasing, ending at 1', () => {
    expect(cdf[512]).toBeCloseTo(1, 12);
    expect(cdf[255]).toBeCloseTo(1 - cdf[256], 12); // P(d ≤ 255) = P(d ≥ 257) by symmetry
    for (let c = 1; c <= 512; c++) expect(cdf[c]).toBeGreaterThanOrEqual(cdf[c - 1]);
    expect(cdf[0] / 2 ** -512).toBeCloseTo(1, 9);
    const small = Array.from(unrelatedDistanceCdf(4));
    [1 / 16, 5 / 16, 11 / 16, 15 / 16, 1].forEach((p, c) => expect(small[c]).toBeCloseTo(p, 12));
  });

  it.each([2048, 10_000, 50_000, 500_000])('is the largest cut with at most the expected unrelated rows under it (%i rows)', (rows) => {
    const limit = nearDistanceLimit(cdf, rows, 16);
    expect(rows * cdf[limit]).toBeLessThanOrEqual(16);
    expect(rows * cdf[limit + 1]).toBeGreaterThan(16);
  });

  it('tightens as rows grow, and a genuine capture (cos 0.59, ~30 % of bits differ) stays far inside it', () => {
    const limits = [10_000, 50_000, 500_000].map((n) => nearDistanceLimit(cdf, n, 16));
    expect(limits[0]).toBeGreaterThan(limits[1]);
    expect(limits[1]).toBeGreaterThan(limits[2]);
    const genuineMean = (512 * Math.acos(0.59)) / Math.PI;
    const sd = Math.sqrt(512 * 0.3 * 0.7);
    expect((limits[2] - genuineMean) / sd).toBeGreaterThan(5);
  });

  it('lets about the expected number of random sketches through', () => {
    const rng = createSeededRng('near-limit');
    const rows = 50_000;
    const limit = nearDistanceLimit(cdf, rows, 16);
    let under = 0;
    for (let r = 0; r < rows; r++) {
      let d = 0;
      for (let w = 0; w < 16; w++) for (let x = rng.int(2 ** 32); x; x &= x - 1) d++;
      if (d <= limit) under++;
    }
    // Poisson(≤16): 0..40 covers it with room to spare.
    expect(under).toBeLessThanOrEqual(40);
  });

  it('is 0 when even distance 0 is too likely', () => {
    expect(nearDistanceLimit(unrelatedDistanceCdf(4), 1000, 16)).toBe(0);
  });
});
