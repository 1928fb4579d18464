import { DateTime } from 'luxon';
import { ALWAYS_OPEN, isWithinSchedule, WEEKDAYS, WeeklySchedule } from './weekly-schedule';

const TZ = 'Asia/Shanghai';
const at = (local: string, zone = TZ): number => DateTime.fromISO(local, { zone }).toMillis();
const officeHours: WeeklySchedule = { windows: [{ days: WEEKDAYS, from: '08:30', to: '17:30' }] };

describe('weekly schedule: windows within a day', () => {
  it('is open from `from` inclusive to `to` exclusive, to the minute', () => {
    expect(isWithinSchedule(officeHours, at('2025-03-03T08:29:59'), TZ)).toBe(false);
    expect(isWithinSchedule(officeHours, at('2025-03-03T08:30'), TZ)).toBe(true);
    expect(isWithinSchedule(officeHours, at('2025-03-03T17:29:59'), TZ)).toBe(true);
    expect(isWithinSchedule(officeHours, at('2025-03-03T17:30'), TZ)).toBe(false);
  });

  it('applies only on the listed ISO weekdays', () => {
    expect(isWithinSchedule(officeHours, at('2025-03-07T12:00'), TZ)).toBe(true); // Friday
    expect(isWithinSchedule(officeHours, at('2025-03-08T12:00'), TZ)).toBe(false); // Saturday
    expect(isWithinSchedule(officeHours, at('2025-03-09T12:00'), TZ)).toBe(false); // Sunday
  });

  it('combines several windows (a lunch break)', () => {
    const s: WeeklySchedule = {
      windows: [
        { days: [1], from: '08:00', to: '12:00' },
        { days: [1], from: '13:00', to: '17:00' },
      ],
    };
    expect(isWithinSchedule(s, at('2025-03-03T11:59'), TZ)).toBe(true);
    expect(isWithinSchedule(s, at('2025-03-03T12:30'), TZ)).toBe(false);
    expect(isWithinSchedule(s, at('2025-03-03T13:00'), TZ)).toBe(true);
  });

  it('00:00-24:00 covers the whole day, the last minute included', () => {
    expect(isWithinSchedule(ALWAYS_OPEN, at('2025-03-03T00:00'), TZ)).toBe(true);
    expect(isWithinSchedule(ALWAYS_OPEN, at('2025-03-03T23:59:59'), TZ)).toBe(true);
  });

  it('reads the wall clock of the given zone: the same instant differs by site', () => {
    const instant = Date.parse('2025-03-03T01:00:00Z'); // 09:00 Shanghai, 20:00 Sunday New York
    expect(isWithinSchedule(officeHours, instant, 'Asia/Shanghai')).toBe(true);
    expect(isWithinSchedule(officeHours, instant, 'America/New_York')).toBe(false);
  });

  it('accepts a Date as well as epoch milliseconds', () => {
    expect(isWithinSchedule(officeHours, new Date(at('2025-03-03T09:00')), TZ)).toBe(true);
  });

  it('fails closed for an unknown time zone or a malformed window', () => {
    expect(isWithinSchedule(ALWAYS_OPEN, at('2025-03-03T09:00'), 'Mars/Olympus_Mons')).toBe(false);
    expect(isWithinSchedule({ windows: [{ days: [1], from: '8:00', to: '17:00' }] }, at('2025-03-03T09:00'), TZ)).toBe(false);
    expect(isWithinSchedule({ windows: [{ days: [1], from: '09:00', to: '09:00' }] }, at('2025-03-03T09:00'), TZ)).toBe(false);
  });

  it('an empty schedule is never open', () => {
    expect(isWithinSchedule({ windows: [] }, at('2025-03-03T09:00'), TZ)).toBe(false);
  });
});
