import { effectiveVolumeCap, isWithinQuietHours } from './volume-cap';

const quiet = { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' };
// Asia/Shanghai is UTC+8 all year.
const at = (utc: string) => Date.parse(utc);

describe('volume cap and quiet hours', () => {
  it('spans midnight in the configured time zone', () => {
    expect(isWithinQuietHours(at('2025-06-01T13:59:00Z'), quiet)).toBe(false); // 21:59 local
    expect(isWithinQuietHours(at('2025-06-01T14:00:00Z'), quiet)).toBe(true); // 22:00
    expect(isWithinQuietHours(at('2025-06-01T18:00:00Z'), quiet)).toBe(true); // 02:00
    expect(isWithinQuietHours(at('2025-06-01T22:59:00Z'), quiet)).toBe(true); // 06:59
    expect(isWithinQuietHours(at('2025-06-01T23:00:00Z'), quiet)).toBe(false); // 07:00
  });

  it('handles a same-day window', () => {
    const nap = { from: '12:00', to: '14:00', volumeCap: 30, tz: 'UTC' };
    expect(isWithinQuietHours(at('2025-06-01T13:00:00Z'), nap)).toBe(true);
    expect(isWithinQuietHours(at('2025-06-01T14:00:00Z'), nap)).toBe(false);
  });

  it('takes the lowest of command cap, config cap and quiet-hours cap', () => {
    const day = at('2025-06-01T04:00:00Z'); // 12:00 local
    const night = at('2025-06-01T15:00:00Z'); // 23:00 local
    expect(effectiveVolumeCap(day, { commandCap: 80, configCap: 60, quietHours: quiet })).toBe(60);
    expect(effectiveVolumeCap(day, { commandCap: 50, configCap: 60, quietHours: quiet })).toBe(50);
    expect(effectiveVolumeCap(night, { commandCap: 80, configCap: 60, quietHours: quiet })).toBe(25);
    expect(effectiveVolumeCap(night, { commandCap: 100 })).toBe(100);
  });
});
