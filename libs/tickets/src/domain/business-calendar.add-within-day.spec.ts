import { addBusinessMinutes, addBusinessMs, DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, iso } from './domain-test-helpers';

// Default calendar: Asia/Shanghai, Mon–Fri 09:00–18:00, Sat 09:00–12:00. 2025-06-02 is a Monday.
describe('addBusinessMinutes within one working day', () => {
  it('adds plainly inside opening hours', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T10:00'), 120, CAL))).toBe('2025-06-02T12:00:00.000+08:00');
  });

  it('lands exactly on closing time instead of jumping to the next morning', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T17:00'), 60, CAL))).toBe('2025-06-02T18:00:00.000+08:00');
    expect(iso(addBusinessMinutes(at('2025-06-02T09:00'), 540, CAL))).toBe('2025-06-02T18:00:00.000+08:00');
  });

  it('starts counting at opening time when started before it', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T07:30'), 30, CAL))).toBe('2025-06-02T09:30:00.000+08:00');
  });

  it('keeps seconds and fractions of minutes', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T10:00:30'), 1.5, CAL))).toBe('2025-06-02T10:02:00.000+08:00');
    expect(iso(addBusinessMs(at('2025-06-02T17:59:59'), 1000, CAL))).toBe('2025-06-02T18:00:00.000+08:00');
  });

  it('returns the start itself for zero minutes, even outside opening hours', () => {
    expect(iso(addBusinessMinutes(at('2025-06-02T22:00'), 0, CAL))).toBe('2025-06-02T22:00:00.000+08:00');
  });

  it('rejects negative and non-finite durations', () => {
    expect(() => addBusinessMinutes(at('2025-06-02T10:00'), -1, CAL)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2025-06-02T10:00'), Number.NaN, CAL)).toThrow(RangeError);
  });
});
