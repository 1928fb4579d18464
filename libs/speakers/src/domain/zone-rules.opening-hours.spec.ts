import { at, MINUTE, zoneWith } from './speaker-harness.fixture';
import { isOpen, latestSessionEnd, nextClosing, nextOpening, nextSessionsAllowedAt, sessionsAllowedAt } from './zone-rules';

describe('opening hours and when sessions may run', () => {
  // 2025-06-02 is a Monday.
  const zone = zoneWith({ openingHours: { from: '08:00', to: '21:30', days: [2, 3, 4, 5, 6, 7] } });

  it('is closed on Mondays and outside 08:00–21:30', () => {
    expect(isOpen(zone, at('2025-06-02T12:00'))).toBe(false);
    expect(isOpen(zone, at('2025-06-03T07:59'))).toBe(false);
    expect(isOpen(zone, at('2025-06-03T08:00'))).toBe(true);
    expect(isOpen(zone, at('2025-06-03T21:29'))).toBe(true);
    expect(isOpen(zone, at('2025-06-03T21:30'))).toBe(false);
  });

  it('finds the next opening over the closed day and the next closing', () => {
    expect(nextOpening(zone, at('2025-06-01T22:00'))).toBe(at('2025-06-03T08:00'));
    expect(nextClosing(zone, at('2025-06-03T10:00'))).toBe(at('2025-06-03T21:30'));
  });

  it('a zone without opening hours is always open and never closes', () => {
    const always = zoneWith();
    expect(isOpen(always, at('2025-06-02T03:00'))).toBe(true);
    expect(nextClosing(always, at('2025-06-02T03:00'))).toBeNull();
  });

  it('clips a session to the closing time, and to quiet hours when those forbid sessions', () => {
    expect(latestSessionEnd(zone, at('2025-06-03T21:10'))).toBe(at('2025-06-03T21:30'));
    expect(latestSessionEnd(zone, at('2025-06-03T15:00'))).toBe(at('2025-06-03T15:00') + 30 * MINUTE);
    const always = zoneWith();
    expect(latestSessionEnd(always, at('2025-06-02T21:45'))).toBe(at('2025-06-02T22:00'));
    const nightOwls = zoneWith({ sessionsAllowedInQuietHours: true });
    expect(latestSessionEnd(nightOwls, at('2025-06-02T21:45'))).toBe(at('2025-06-02T22:15'));
  });

  it('knows when sessions are allowed again: after quiet hours and on an open day', () => {
    const always = zoneWith();
    expect(sessionsAllowedAt(always, at('2025-06-02T23:00'))).toBe(false);
    expect(nextSessionsAllowedAt(always, at('2025-06-02T23:00'))).toBe(at('2025-06-03T07:00'));
    expect(nextSessionsAllowedAt(always, at('2025-06-02T12:00'))).toBe(at('2025-06-02T12:00'));
    // Sunday night: quiet ends Monday 07:00 but Monday is closed, so Tuesday 08:00.
    expect(nextSessionsAllowedAt(zone, at('2025-06-01T23:00'))).toBe(at('2025-06-03T08:00'));
  });
});
