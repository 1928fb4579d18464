import { DEFAULT_CAPTURE_NOISE } from '@app/contracts/embedding';
import { measureFaceErrorRates } from '../matcher/face-error-rates';
import { DEFAULT_LIVENESS_THRESHOLD, DEFAULT_MATCH_THRESHOLD } from './face-thresholds';

// The full calibration (>= 1.2M impostor comparisons) is bench/face-threshold.bench.ts; this is
// the same measurement on a sample small enough for every test run.
describe('default face thresholds at the default capture noise', () => {
  const sample = {
    seed: 'calibration-spec',
    dim: 512,
    enrolled: 400,
    impostorProbes: 500, // 200,000 comparisons
    genuineCaptures: 4000,
    spoofAttempts: 4000,
    noise: DEFAULT_CAPTURE_NOISE,
    matchThreshold: DEFAULT_MATCH_THRESHOLD,
    livenessThreshold: DEFAULT_LIVENESS_THRESHOLD,
  };

  it('keep FAR <= 0.01 % and FRR <= 0.5 %', () => {
    const r = measureFaceErrorRates(sample);
    expect(r.impostorComparisons).toBe(200_000);
    expect(r.far).toBeLessThanOrEqual(0.0001);
    expect(r.frr).toBeLessThanOrEqual(0.005);
    // and with a clear margin on both sides of the match threshold
    expect(r.maxImpostorScore).toBeLessThan(DEFAULT_MATCH_THRESHOLD - 0.05);
    expect(r.minGenuineScore).toBeGreaterThan(DEFAULT_MATCH_THRESHOLD + 0.1);
  });

  it('stop nearly every spoof at the liveness check', () => {
    expect(measureFaceErrorRates({ ...sample, enrolled: 10, impostorProbes: 0 }).spoofAcceptRate).toBeLessThan(0.001);
  });

  it('would fail the FAR target with a careless threshold (the measurement can fail)', () => {
    const r = measureFaceErrorRates({ ...sample, matchThreshold: 0.12, genuineCaptures: 0, spoofAttempts: 0 });
    expect(r.far).toBeGreaterThan(0.0001);
  });
});
