import { DateTime } from 'luxon';
import { firstInstantAtLocal, isWithinWindow, localDayBounds, nextWindowEnd, nextWindowStart } from './daily-window';
import { isQuietHours, nextQuietEnd, nextQuietStart } from './zone-rules';
import { zoneWith } from './speaker-harness.fixture';

const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const HOUR = 3_600_000;

describe('quiet hours across DST changes (Europe/Berlin, America/New_York)', () => {
  const berlin = zoneWith({ timeZone: 'Europe/Berlin' });

  it('the spring-forward night (2025-03-29/30) is 8 hours long: 22:00 CET to 07:00 CEST', () => {
    const start = nextQuietStart(berlin, utc('2025-03-29T12:00:00Z'));
    const end = nextQuietEnd(berlin, utc('2025-03-29T12:00:00Z'));
    expect(start).toBe(utc('2025-03-29T21:00:00Z'));
    expect(end).toBe(utc('2025-03-30T05:00:00Z'));
    expect((end as number) - (start as number)).toBe(8 * HOUR);
    expect(isQuietHours(berlin, utc('2025-03-30T01:30:00Z'))).toBe(true); // 03:30 CEST
  });

  it('the fall-back night (2025-10-25/26) is 10 hours long and quiet throughout the repeated hour', () => {
    const start = nextQuietStart(berlin, utc('2025-10-25T12:00:00Z'));
    const end = nextQuietEnd(berlin, utc('2025-10-25T12:00:00Z'));
    expect(start).toBe(utc('2025-10-25T20:00:00Z'));
    expect(end).toBe(utc('2025-10-26T06:00:00Z'));
    expect((end as number) - (start as number)).toBe(10 * HOUR);
    expect(isQuietHours(berlin, utc('2025-10-26T00:30:00Z'))).toBe(true); // first 02:30
    expect(isQuietHours(berlin, utc('2025-10-26T01:30:00Z'))).toBe(true); // second 02:30
  });

  it('a boundary inside the spring-forward gap (02:30 does not exist) falls on the transition, 03:00 CEST', () => {
    const window = { from: '02:30', to: '05:00' };
    expect(nextWindowStart(window, 'Europe/Berlin', utc('2025-03-29T12:00:00Z'))).toBe(utc('2025-03-30T01:00:00Z'));
    expect(isWithinWindow(window, 'Europe/Berlin', utc('2025-03-30T00:59:59Z'))).toBe(false);
    expect(isWithinWindow(window, 'Europe/Berlin', utc('2025-03-30T01:00:00Z'))).toBe(true);
  });

  it('a boundary inside the repeated fall-back hour takes its first occurrence, and the window does not reopen', () => {
    const window = { from: '22:00', to: '02:30' };
    expect(nextWindowEnd(window, 'Europe/Berlin', utc('2025-10-25T21:00:00Z'))).toBe(utc('2025-10-26T00:30:00Z'));
    expect(isWithinWindow(window, 'Europe/Berlin', utc('2025-10-26T00:29:00Z'))).toBe(true);
    // 02:10 again, on the second pass through the hour: the window already ended.
    expect(isWithinWindow(window, 'Europe/Berlin', utc('2025-10-26T01:10:00Z'))).toBe(false);
  });

  it('New York: 01:30 on 2025-11-02 happens twice; the earlier (EDT) instant is used', () => {
    expect(firstInstantAtLocal({ year: 2025, month: 11, day: 2 }, 90, 'America/New_York')).toBe(utc('2025-11-02T05:30:00Z'));
  });

  it('New York: 02:15 on 2025-03-09 does not exist; the gap maps to 03:00 EDT', () => {
    expect(firstInstantAtLocal({ year: 2025, month: 3, day: 9 }, 135, 'America/New_York')).toBe(utc('2025-03-09T07:00:00Z'));
  });

  it('local day bounds follow the zone: the spring-forward day in Berlin lasts 23 hours', () => {
    const day = localDayBounds(utc('2025-03-30T10:00:00Z'), 'Europe/Berlin');
    expect(day.start).toBe(utc('2025-03-29T23:00:00Z'));
    expect(day.end - day.start).toBe(23 * HOUR);
  });
});
