import { isValidTimeZone, validateWeeklySchedule, WeeklySchedule } from './weekly-schedule';

describe('weekly schedule validation', () => {
  it('accepts a valid schedule with holidays', () => {
    const s: WeeklySchedule = {
      windows: [{ days: [1, 2, 3], from: '06:00', to: '24:00' }],
      holidays: [{ date: '2025-10-01' }, { date: '2025-10-02', windows: [{ from: '22:00', to: '02:00' }] }],
    };
    expect(validateWeeklySchedule(s)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const s = {
      windows: [
        { days: [], from: '6:00', to: '25:00' },
        { days: [0, 8], from: '10:00', to: '10:00' },
        { days: [1], from: '24:00', to: '01:00' },
      ],
      holidays: [{ date: '2025-02-30' }, { date: '2025-10-01' }, { date: '2025-10-01', windows: [{ from: 'x', to: '01:00' }] }],
    } as unknown as WeeklySchedule;
    expect(validateWeeklySchedule(s)).toEqual([
      'windows[0].from must be HH:mm (00:00-23:59)',
      'windows[0].to must be HH:mm (00:00-24:00)',
      'windows[0].days must be a non-empty list of ISO weekdays 1-7',
      'windows[1] is empty (from equals to); use 00:00-24:00 for all day',
      'windows[1].days must be a non-empty list of ISO weekdays 1-7',
      'windows[2].from must be HH:mm (00:00-23:59)',
      'holidays[0].date must be yyyy-MM-dd',
      'holidays[2].date 2025-10-01 is listed twice',
      'holidays[2].windows[0].from must be HH:mm (00:00-23:59)',
    ]);
  });

  it('recognises IANA time zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
