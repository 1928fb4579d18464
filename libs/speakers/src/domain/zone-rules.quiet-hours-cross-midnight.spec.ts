import { at, zoneWith } from './speaker-harness.fixture';
import { effectiveVolumeCap, isQuietHours, nextQuietEnd, nextQuietStart } from './zone-rules';

describe('quiet hours 22:00–07:00 crossing midnight (Asia/Shanghai)', () => {
  const zone = zoneWith();

  it.each([
    ['2025-06-02T21:59:59', false],
    ['2025-06-02T22:00:00', true],
    ['2025-06-02T23:30:00', true],
    ['2025-06-03T00:00:00', true],
    ['2025-06-03T03:00:00', true],
    ['2025-06-03T06:59:59', true],
    ['2025-06-03T07:00:00', false],
    ['2025-06-03T12:00:00', false],
  ])('at %s quiet is %s', (local, expected) => {
    expect(isQuietHours(zone, at(local))).toBe(expected);
  });

  it('accepts a Date as well as epoch milliseconds', () => {
    expect(isQuietHours(zone, new Date(at('2025-06-02T23:00')))).toBe(true);
  });

  it('gives the next start and end from the evening, inside the window and after midnight', () => {
    expect(nextQuietStart(zone, at('2025-06-02T19:00'))).toBe(at('2025-06-02T22:00'));
    expect(nextQuietEnd(zone, at('2025-06-02T19:00'))).toBe(at('2025-06-03T07:00'));
    expect(nextQuietStart(zone, at('2025-06-02T23:00'))).toBe(at('2025-06-03T22:00'));
    expect(nextQuietEnd(zone, at('2025-06-02T23:00'))).toBe(at('2025-06-03T07:00'));
    expect(nextQuietEnd(zone, at('2025-06-03T02:00'))).toBe(at('2025-06-03T07:00'));
  });

  it('returns boundaries strictly after now (exactly at the start, the next start is tomorrow)', () => {
    expect(nextQuietStart(zone, at('2025-06-02T22:00'))).toBe(at('2025-06-03T22:00'));
    expect(nextQuietEnd(zone, at('2025-06-03T07:00'))).toBe(at('2025-06-04T07:00'));
  });

  it('caps volume at the zone cap by day and at the quiet cap by night', () => {
    expect(effectiveVolumeCap(zone, at('2025-06-02T20:00'))).toBe(60);
    expect(effectiveVolumeCap(zone, at('2025-06-02T22:30'))).toBe(25);
  });

  it('a staff lock below both caps wins day and night', () => {
    const locked = zoneWith({ volumeLock: 15 });
    expect(effectiveVolumeCap(locked, at('2025-06-02T20:00'))).toBe(15);
    expect(effectiveVolumeCap(locked, at('2025-06-02T23:00'))).toBe(15);
  });

  it('a same-day window (13:00–14:00) and an empty one (from == to) work too', () => {
    const siesta = zoneWith({ quietHours: { from: '13:00', to: '14:00' } });
    expect(isQuietHours(siesta, at('2025-06-02T13:30'))).toBe(true);
    expect(isQuietHours(siesta, at('2025-06-02T14:00'))).toBe(false);
    expect(nextQuietStart(siesta, at('2025-06-02T13:30'))).toBe(at('2025-06-03T13:00'));
    const never = zoneWith({ quietHours: { from: '00:00', to: '00:00' } });
    expect(isQuietHours(never, at('2025-06-02T00:00'))).toBe(false);
    expect(nextQuietStart(never, at('2025-06-02T12:00'))).toBeNull();
    expect(nextQuietEnd(never, at('2025-06-02T12:00'))).toBeNull();
  });
});
