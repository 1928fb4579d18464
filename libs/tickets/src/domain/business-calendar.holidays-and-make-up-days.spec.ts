import { addBusinessMinutes, BusinessCalendar, DEFAULT_BUSINESS_CALENDAR, isWorkingTime, workingIntervalsOn } from './business-calendar';
import { at, iso } from './domain-test-helpers';

// China's 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October are
// make-up working days (调休) with Monday's hours.
const NATIONAL_DAY: BusinessCalendar = {
  ...DEFAULT_BUSINESS_CALENDAR,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
};

describe('holidays and make-up working days', () => {
  it('jumps over the whole holiday week', () => {
    // Tuesday 30 Sep 17:00–18:00 = 60; 1–8 Oct closed; Thursday 9 Oct 09:00 + 60.
    expect(iso(addBusinessMinutes(at('2025-09-30T17:00'), 120, NATIONAL_DAY))).toBe('2025-10-09T10:00:00.000+08:00');
  });

  it('works a make-up Sunday with Monday hours', () => {
    // Saturday 27 Sep 11:00–12:00 = 60; Sunday 28 Sep is a make-up day from 09:00.
    expect(iso(addBusinessMinutes(at('2025-09-27T11:00'), 120, NATIONAL_DAY))).toBe('2025-09-28T10:00:00.000+08:00');
  });

  it('works a full day on a make-up Saturday', () => {
    // Friday 10 Oct 60 min, then Saturday 11 Oct 09:00–18:00 (540) instead of 09:00–12:00.
    expect(iso(addBusinessMinutes(at('2025-10-10T17:00'), 600, NATIONAL_DAY))).toBe('2025-10-11T18:00:00.000+08:00');
    expect(isWorkingTime(at('2025-10-11T12:30'), NATIONAL_DAY)).toBe(true);
    expect(isWorkingTime(at('2025-10-11T12:30'), DEFAULT_BUSINESS_CALENDAR)).toBe(false);
  });

  it('uses explicit make-up hours when given', () => {
    const cal: BusinessCalendar = { ...NATIONAL_DAY, makeUpHours: [{ from: '08:30', to: '17:30' }] };
    expect(iso(addBusinessMinutes(at('2025-09-28T07:00'), 30, cal))).toBe('2025-09-28T09:00:00.000+08:00');
    expect(workingIntervalsOn('2025-09-28', cal).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2025-09-28T08:30:00.000+08:00', '2025-09-28T17:30:00.000+08:00'],
    ]);
  });

  it('has no working intervals on a holiday, even a weekday', () => {
    expect(workingIntervalsOn('2025-10-03', NATIONAL_DAY)).toEqual([]);
    expect(workingIntervalsOn('2025-10-03', DEFAULT_BUSINESS_CALENDAR)).toHaveLength(1);
  });
});
