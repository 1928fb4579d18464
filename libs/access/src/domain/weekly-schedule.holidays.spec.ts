import { DateTime } from 'luxon';
import { isWithinSchedule, WEEKDAYS, WeeklySchedule } from './weekly-schedule';

const TZ = 'Asia/Shanghai';
const at = (local: string): number => DateTime.fromISO(local, { zone: TZ }).toMillis();

describe('weekly schedule: holiday exceptions', () => {
  const schedule: WeeklySchedule = {
    windows: [
      { days: WEEKDAYS, from: '06:00', to: '20:00' },
      { days: [5], from: '22:00', to: '02:00' },
    ],
    holidays: [
      { date: '2025-10-01', name: 'National Day' }, // Wednesday, closed
      { date: '2025-10-02', windows: [{ from: '09:00', to: '12:00' }] }, // Thursday, short day
      { date: '2025-10-04', windows: [] }, // Saturday, closed (nothing to close anyway)
      { date: '2025-03-08', windows: [{ from: '23:00', to: '01:00' }] }, // Saturday, special night
    ],
  };

  it('closes a holiday all day', () => {
    expect(isWithinSchedule(schedule, at('2025-10-01T10:00'), TZ)).toBe(false);
    expect(isWithinSchedule(schedule, at('2025-09-30T10:00'), TZ)).toBe(true);
  });

  it('replaces the weekday windows with the holiday’s special windows', () => {
    expect(isWithinSchedule(schedule, at('2025-10-02T08:00'), TZ)).toBe(false);
    expect(isWithinSchedule(schedule, at('2025-10-02T09:00'), TZ)).toBe(true);
    expect(isWithinSchedule(schedule, at('2025-10-02T12:00'), TZ)).toBe(false);
  });

  it('lets last night’s window finish on a closed holiday morning (windows belong to their start day)', () => {
    // Friday 2025-10-03 22:00-02:00 runs into closed Saturday 2025-10-04
    expect(isWithinSchedule(schedule, at('2025-10-04T01:00'), TZ)).toBe(true);
    expect(isWithinSchedule(schedule, at('2025-10-04T10:00'), TZ)).toBe(false);
  });

  it('a holiday’s special window may cross midnight too', () => {
    expect(isWithinSchedule(schedule, at('2025-03-08T23:30'), TZ)).toBe(true);
    expect(isWithinSchedule(schedule, at('2025-03-09T00:30'), TZ)).toBe(true);
    expect(isWithinSchedule(schedule, at('2025-03-09T01:00'), TZ)).toBe(false);
  });

  it('matches holidays by the site’s local date, not the UTC date', () => {
    // 2025-09-30T23:00Z is 07:00 on 1 October in Shanghai: the holiday, closed (UTC says Tuesday 23:00).
    expect(isWithinSchedule(schedule, Date.parse('2025-09-30T23:00:00Z'), TZ)).toBe(false);
    // 2025-10-02T23:00Z is 07:00 on Friday 3 October: an ordinary weekday, open (UTC says the short day).
    expect(isWithinSchedule(schedule, Date.parse('2025-10-02T23:00:00Z'), TZ)).toBe(true);
  });
});
