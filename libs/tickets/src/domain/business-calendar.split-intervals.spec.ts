import { addBusinessMinutes, BusinessCalendar, businessMinutesBetween } from './business-calendar';
import { at, iso } from './domain-test-helpers';

// An office closed for lunch: 08:30–12:00 and 13:30–17:30 on weekdays.
const day = [
  { from: '08:30', to: '12:00' },
  { from: '13:30', to: '17:30' },
];
const LUNCH_BREAK: BusinessCalendar = { timeZone: 'Asia/Shanghai', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };

describe('days with several working intervals', () => {
  it('skips the lunch break', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T11:30'), 60, LUNCH_BREAK))).toBe('2025-06-02T14:00:00.000+08:00');
  });

  it('starts during lunch at the afternoon opening', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T12:15'), 10, LUNCH_BREAK))).toBe('2025-06-02T13:40:00.000+08:00');
  });

  it('counts a whole day as the sum of its intervals', () => {
    expect(businessMinutesBetween(at('2025-06-02T08:00'), at('2025-06-02T18:00'), LUNCH_BREAK)).toBe(450);
  });

  it('closes Friday afternoon and opens Monday morning', () => {
    // Friday 17:00–17:30 = 30; Monday 08:30 + 30.
    expect(iso(addBusinessMinutes(at('2025-06-06T17:00'), 60, LUNCH_BREAK))).toBe('2025-06-09T09:00:00.000+08:00');
  });
});
