import { ThrottledLog } from './throttled-log';

describe('throttled logging of dropped messages', () => {
  it('logs the first occurrence, stays quiet within the window, then reports what it suppressed', () => {
    const log = new ThrottledLog(1000);
    expect(log.admit('not_json:gate-1', 0)).toBe(0);
    expect(log.admit('not_json:gate-1', 10)).toBeNull();
    expect(log.admit('not_json:gate-1', 999)).toBeNull();
    expect(log.admit('not_json:gate-1', 1000)).toBe(2);
    expect(log.admit('not_json:gate-1', 1001)).toBeNull();
  });

  it('keeps keys apart', () => {
    const log = new ThrottledLog(1000);
    expect(log.admit('a', 0)).toBe(0);
    expect(log.admit('b', 0)).toBe(0);
    expect(log.admit('a', 1)).toBeNull();
  });

  it('bounds its memory when keys are endless (e.g. random device ids)', () => {
    const log = new ThrottledLog(60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) log.admit(k, 0);
    // The table was reset when full, so an old key counts as new again instead of growing forever.
    expect(log.admit('a', 1)).toBe(0);
  });
});
