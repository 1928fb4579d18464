import { RecentKeys } from './recent-keys';

describe('RecentKeys', () => {
  it('says a key was seen within its time-to-live, and not after it (then notes it again)', () => {
    const keys = new RecentKeys(100, 1000);
    expect(keys.seenOrNote('a', 0)).toBe(false);
    expect(keys.seenOrNote('a', 999)).toBe(true);
    expect(keys.seenOrNote('a', 1000)).toBe(false); // expired: noted afresh
    expect(keys.seenOrNote('a', 1500)).toBe(true);
  });

  it('always remembers the last capacity/2 keys and never holds more than capacity', () => {
    const keys = new RecentKeys(1000, 60_000);
    let largest = 0;
    let seenBefore = 0;
    for (let i = 0; i < 10_000; i++) {
      if (keys.seenOrNote(`k${i}`, i)) seenBefore++;
      largest = Math.max(largest, keys.size);
    }
    expect(seenBefore).toBe(0);
    expect(largest).toBe(1000 - 1); // turns over as the current generation reaches 500
    let remembered = 0;
    for (let i = 10_000 - 500; i < 10_000; i++) if (keys.seenOrNote(`k${i}`, 10_000)) remembered++;
    expect(remembered).toBe(500);
    // Long gone keys are forgotten (and noted as new).
    expect(keys.seenOrNote('k0', 10_000)).toBe(false);
  });

  it('finds a key in the previous generation after a turnover', () => {
    const keys = new RecentKeys(4, 60_000);
    keys.seenOrNote('a', 0);
    keys.seenOrNote('b', 1); // current reaches 2 = capacity/2: it becomes the previous generation
    keys.seenOrNote('c', 2);
    expect(keys.seenOrNote('a', 3)).toBe(true);
    expect(keys.seenOrNote('b', 3)).toBe(true);
    expect(keys.seenOrNote('c', 3)).toBe(true);
  });

  it('refuses a capacity below two', () => {
    expect(() => new RecentKeys(1, 10)).toThrow(RangeError);
  });
});
