import { addBusinessMinutes, DEFAULT_BUSINESS_CALENDAR as CAL, isWorkingTime, nextWorkingTime } from './business-calendar';
import { at, iso } from './domain-test-helpers';

// Default calendar: Mon–Fri 09:00–18:00, Sat 09:00–12:00, Sunday closed (Asia/Shanghai).
describe('addBusinessMinutes across nights and the weekend', () => {
  it('carries the rest of the work over the night', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T17:00'), 120, CAL))).toBe('2025-06-03T10:00:00.000+08:00');
  });

  it('counts Saturday morning', () => {
    // Friday 17:00–18:00 = 60, then Saturday 09:00 + 60.
    expect(iso(addBusinessMinutes(at('2025-06-06T17:00'), 120, CAL))).toBe('2025-06-07T10:00:00.000+08:00');
  });

  it('skips Saturday afternoon and Sunday', () => {
    // Friday 60 + Saturday 180 = 240; the last 60 on Monday morning.
    expect(iso(addBusinessMinutes(at('2025-06-06T17:00'), 300, CAL))).toBe('2025-06-09T10:00:00.000+08:00');
    expect(iso(addBusinessMinutes(at('2025-06-07T13:00'), 30, CAL))).toBe('2025-06-09T09:30:00.000+08:00');
  });

  it('starts late on Sunday night at Monday opening', () => {
    expect(iso(addBusinessMinutes(at('2025-06-08T23:59'), 1, CAL))).toBe('2025-06-09T09:01:00.000+08:00');
  });

  it('starts exactly at Friday closing at Saturday opening', () => {
    expect(iso(addBusinessMinutes(at('2025-06-06T18:00'), 1, CAL))).toBe('2025-06-07T09:01:00.000+08:00');
  });

  it('knows when the office is open', () => {
    expect(isWorkingTime(at('2025-06-07T11:59'), CAL)).toBe(true);
    expect(isWorkingTime(at('2025-06-07T12:00'), CAL)).toBe(false);
    expect(isWorkingTime(at('2025-06-08T10:00'), CAL)).toBe(false);
    expect(isWorkingTime(at('2025-06-02T09:00'), CAL)).toBe(true);
    expect(isWorkingTime(at('2025-06-02T08:59:59'), CAL)).toBe(false);
  });

  it('finds the next opening', () => {
    expect(iso(nextWorkingTime(at('2025-06-07T12:00'), CAL))).toBe('2025-06-09T09:00:00.000+08:00');
    expect(iso(nextWorkingTime(at('2025-06-03T10:15'), CAL))).toBe('2025-06-03T10:15:00.000+08:00');
  });
});
