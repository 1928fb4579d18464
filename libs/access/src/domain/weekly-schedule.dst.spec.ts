import { DateTime } from 'luxon';
import { ALL_WEEK, isWithinSchedule, WeeklySchedule } from './weekly-schedule';

const NY = 'America/New_York';
const utc = (iso: string): number => Date.parse(iso);

describe('weekly schedule across daylight-saving changes (America/New_York)', () => {
  const night: WeeklySchedule = { windows: [{ days: ALL_WEEK, from: '22:00', to: '06:00' }] };
  const early: WeeklySchedule = { windows: [{ days: ALL_WEEK, from: '01:00', to: '03:00' }] };

  it('spring forward (2024-03-10 02:00 → 03:00): the night window ends at 06:00 wall clock, an hour shorter', () => {
    // 05:59 EDT = 09:59Z, 06:00 EDT = 10:00Z
    expect(isWithinSchedule(night, utc('2024-03-10T09:59:00Z'), NY)).toBe(true);
    expect(isWithinSchedule(night, utc('2024-03-10T10:00:00Z'), NY)).toBe(false);
    // 22:00 EST on the Saturday = 03:00Z on Sunday
    expect(isWithinSchedule(night, utc('2024-03-10T03:00:00Z'), NY)).toBe(true);
  });

  it('spring forward: the skipped hour does not exist, 01:59 EST is followed by 03:00 EDT', () => {
    expect(isWithinSchedule(early, utc('2024-03-10T06:59:00Z'), NY)).toBe(true); // 01:59 EST
    expect(isWithinSchedule(early, utc('2024-03-10T07:00:00Z'), NY)).toBe(false); // 03:00 EDT
  });

  it('fall back (2024-11-03 02:00 → 01:00): both 01:30s are inside a 01:00-03:00 window', () => {
    expect(isWithinSchedule(early, utc('2024-11-03T05:30:00Z'), NY)).toBe(true); // 01:30 EDT
    expect(isWithinSchedule(early, utc('2024-11-03T06:30:00Z'), NY)).toBe(true); // 01:30 EST
    expect(isWithinSchedule(early, utc('2024-11-03T08:00:00Z'), NY)).toBe(false); // 03:00 EST
  });

  it('fall back: a 00:00-01:30 window covers its wall-clock span twice over the repeated hour', () => {
    const s: WeeklySchedule = { windows: [{ days: [7], from: '00:00', to: '01:30' }] };
    expect(isWithinSchedule(s, utc('2024-11-03T05:15:00Z'), NY)).toBe(true); // 01:15 EDT
    expect(isWithinSchedule(s, utc('2024-11-03T06:15:00Z'), NY)).toBe(true); // 01:15 EST
    expect(isWithinSchedule(s, utc('2024-11-03T06:45:00Z'), NY)).toBe(false); // 01:45 EST
  });

  it('the day before a change is still resolved by calendar date (the previous day’s tail)', () => {
    // Sunday 2024-11-03 05:59 EST (10:59Z) is the tail of Saturday's 22:00 window: 9 real hours that night
    expect(isWithinSchedule(night, utc('2024-11-03T10:59:00Z'), NY)).toBe(true);
    expect(isWithinSchedule(night, utc('2024-11-03T11:00:00Z'), NY)).toBe(false);
    expect(DateTime.fromMillis(utc('2024-11-03T11:00:00Z'), { zone: NY }).toFormat('HH:mm')).toBe('06:00');
  });
});
