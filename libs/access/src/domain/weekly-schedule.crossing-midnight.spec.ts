import { DateTime } from 'luxon';
import { isWithinSchedule, WeeklySchedule } from './weekly-schedule';

const TZ = 'Asia/Shanghai';
const at = (local: string): number => DateTime.fromISO(local, { zone: TZ }).toMillis();
// Night guard: Friday and Saturday nights 22:00 until 06:00 the next morning.
const nights: WeeklySchedule = { windows: [{ days: [5, 6], from: '22:00', to: '06:00' }] };

describe('weekly schedule: windows crossing midnight', () => {
  it('opens on the start day from `from` and continues after midnight until `to`', () => {
    expect(isWithinSchedule(nights, at('2025-03-07T21:59'), TZ)).toBe(false); // Fri
    expect(isWithinSchedule(nights, at('2025-03-07T22:00'), TZ)).toBe(true);
    expect(isWithinSchedule(nights, at('2025-03-08T00:00'), TZ)).toBe(true); // Sat, tail of Friday's window
    expect(isWithinSchedule(nights, at('2025-03-08T05:59'), TZ)).toBe(true);
    expect(isWithinSchedule(nights, at('2025-03-08T06:00'), TZ)).toBe(false);
  });

  it('belongs to the day it starts on: Sunday night is closed, Sunday early morning is Saturday’s tail', () => {
    expect(isWithinSchedule(nights, at('2025-03-09T03:00'), TZ)).toBe(true); // Sat night → Sun morning
    expect(isWithinSchedule(nights, at('2025-03-09T23:00'), TZ)).toBe(false); // Sun night: not listed
    expect(isWithinSchedule(nights, at('2025-03-10T03:00'), TZ)).toBe(false); // Mon morning: Sunday not listed
    expect(isWithinSchedule(nights, at('2025-03-07T03:00'), TZ)).toBe(false); // Fri morning: Thursday not listed
  });

  it('wraps from Sunday into Monday', () => {
    const sundayNight: WeeklySchedule = { windows: [{ days: [7], from: '23:00', to: '01:00' }] };
    expect(isWithinSchedule(sundayNight, at('2025-03-09T23:30'), TZ)).toBe(true);
    expect(isWithinSchedule(sundayNight, at('2025-03-10T00:30'), TZ)).toBe(true);
    expect(isWithinSchedule(sundayNight, at('2025-03-10T01:00'), TZ)).toBe(false);
  });

  it('a window ending at 00:00 stops at midnight', () => {
    const evening: WeeklySchedule = { windows: [{ days: [1], from: '18:00', to: '00:00' }] };
    expect(isWithinSchedule(evening, at('2025-03-03T23:59'), TZ)).toBe(true);
    expect(isWithinSchedule(evening, at('2025-03-04T00:00'), TZ)).toBe(false);
  });
});
