import { addBusinessMinutes, BusinessCalendar, businessMinutesBetween } from './business-calendar';
import { at, iso } from './domain-test-helpers';

const weekday = [{ from: '09:00', to: '17:00' }];
const BERLIN: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } };
const NEW_YORK: BusinessCalendar = { ...BERLIN, timeZone: 'America/New_York' };
// A night shift on Sundays, through the hour the clocks change.
const NIGHT_SHIFT: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { sun: [{ from: '00:00', to: '06:00' }] } };

describe('business time across daylight-saving changes', () => {
  it('keeps wall-clock opening hours over the spring-forward weekend (Berlin, 30 Mar 2025)', () => {
    // Friday 16:00 CET = 15:00Z; 60 min on Friday, 60 on Monday: 10:00 CEST = 08:00Z.
    const due = addBusinessMinutes(at('2025-03-28T16:00', 'Europe/Berlin'), 120, BERLIN);
    expect(due.toISOString()).toBe('2025-03-31T08:00:00.000Z');
    expect(iso(due, 'Europe/Berlin')).toBe('2025-03-31T10:00:00.000+02:00');
    expect(businessMinutesBetween(at('2025-03-28T09:00', 'Europe/Berlin'), at('2025-03-31T17:00', 'Europe/Berlin'), BERLIN)).toBe(960);
  });

  it('keeps wall-clock opening hours over the fall-back weekend (New York, 2 Nov 2025)', () => {
    // Friday 16:00 EDT = 20:00Z; Monday 10:00 EST = 15:00Z.
    const due = addBusinessMinutes(at('2025-10-31T16:00', 'America/New_York'), 120, NEW_YORK);
    expect(due.toISOString()).toBe('2025-11-03T15:00:00.000Z');
  });

  it('counts real time in an interval the spring-forward gap shortens', () => {
    // 00:00 CET (23:00Z) to 06:00 CEST (04:00Z) is five real hours.
    const sat = at('2025-03-29T12:00', 'Europe/Berlin');
    const mon = at('2025-03-31T00:00', 'Europe/Berlin');
    expect(businessMinutesBetween(sat, mon, NIGHT_SHIFT)).toBe(300);
    const due = addBusinessMinutes(at('2025-03-30T00:00', 'Europe/Berlin'), 180, NIGHT_SHIFT);
    expect(due.toISOString()).toBe('2025-03-30T02:00:00.000Z');
    expect(iso(due, 'Europe/Berlin')).toBe('2025-03-30T04:00:00.000+02:00');
  });

  it('counts real time in an interval the fall-back repeat lengthens', () => {
    // 00:00 CEST (22:00Z Sat) to 06:00 CET (05:00Z) is seven real hours.
    expect(businessMinutesBetween(at('2025-10-25T12:00', 'Europe/Berlin'), at('2025-10-27T00:00', 'Europe/Berlin'), NIGHT_SHIFT)).toBe(420);
    const due = addBusinessMinutes(at('2025-10-26T00:00', 'Europe/Berlin'), 360, NIGHT_SHIFT);
    expect(due.toISOString()).toBe('2025-10-26T04:00:00.000Z');
    expect(iso(due, 'Europe/Berlin')).toBe('2025-10-26T05:00:00.000+01:00');
  });
});
