import { MAX_TIMER_MS, msUntilExpiry } from './token-expiry';

describe('msUntilExpiry', () => {
  it('is the time left, or zero once expired', () => {
    expect(msUntilExpiry(new Date(10_000), 4_000)).toBe(6_000);
    expect(msUntilExpiry(new Date(10_000), 10_000)).toBe(0);
    expect(msUntilExpiry(new Date(10_000), 99_000)).toBe(0);
  });

  it('never exceeds what setTimeout can hold (a longer delay would fire at once)', () => {
    expect(msUntilExpiry(new Date(Date.UTC(2100, 0, 1)), 0)).toBe(MAX_TIMER_MS);
  });
});
