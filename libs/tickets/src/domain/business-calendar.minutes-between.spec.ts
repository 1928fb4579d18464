import { addBusinessMinutes, DEFAULT_BUSINESS_CALENDAR as CAL, businessMinutesBetween, businessMsBetween } from './business-calendar';
import { at, MIN } from './domain-test-helpers';

describe('businessMinutesBetween', () => {
  it('counts only opening hours over a weekend', () => {
    // Friday 17–18 (60) + Saturday 09–12 (180) + Monday 09–10 (60).
    expect(businessMinutesBetween(at('2025-06-06T17:00'), at('2025-06-09T10:00'), CAL)).toBe(300);
  });

  it('is negative when the end is before the start', () => {
    expect(businessMinutesBetween(at('2025-06-09T10:00'), at('2025-06-06T17:00'), CAL)).toBe(-300);
  });

  it('is zero outside opening hours', () => {
    expect(businessMinutesBetween(at('2025-06-07T12:00'), at('2025-06-09T09:00'), CAL)).toBe(0);
  });

  it('keeps fractions of a minute', () => {
    expect(businessMinutesBetween(at('2025-06-02T09:00:00'), at('2025-06-02T09:00:30'), CAL)).toBe(0.5);
  });

  it('counts a whole week: 5 × 540 + 180', () => {
    expect(businessMinutesBetween(at('2025-06-02T00:00'), at('2025-06-09T00:00'), CAL)).toBe(2880);
  });

  it('is the inverse of addBusinessMinutes from any start', () => {
    const starts: Date[] = [];
    // Every 7 h 13 min over two weeks: inside and outside opening hours, weekends included.
    for (let t = at('2025-06-01T00:00').getTime(); t < at('2025-06-15T00:00').getTime(); t += 433 * MIN) starts.push(new Date(t));
    for (const start of starts) {
      for (const minutes of [1, 59, 600, 2000]) {
        const due = addBusinessMinutes(start, minutes, CAL);
        expect(businessMsBetween(start, due, CAL)).toBe(minutes * MIN);
      }
    }
  });
});
