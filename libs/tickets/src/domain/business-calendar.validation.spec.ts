import { addBusinessMinutes, BusinessCalendar, DEFAULT_BUSINESS_CALENDAR, validateBusinessCalendar } from './business-calendar';

describe('validateBusinessCalendar', () => {
  it('accepts the default calendar', () => {
    expect(validateBusinessCalendar(DEFAULT_BUSINESS_CALENDAR)).toEqual([]);
  });

  it('lists every problem', () => {
    const bad = {
      timeZone: 'Mars/Olympus',
      week: {
        mon: [{ from: '9:00', to: '18:00' }],
        tue: [{ from: '18:00', to: '09:00' }],
        wed: [
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '18:00' },
        ],
        funday: [{ from: '09:00', to: '10:00' }],
      },
      holidays: ['2025-02-30', 'tomorrow'],
      makeUpWorkdays: ['2025-10-01'],
    } as unknown as BusinessCalendar;
    const cal = { ...bad, holidays: [...(bad.holidays ?? []), '2025-10-01'] };
    expect(validateBusinessCalendar(cal)).toEqual([
      "timeZone: 'Mars/Olympus' is not an IANA time zone",
      'week.funday: not a weekday (use mon, tue, wed, thu, fri, sat, sun)',
      "week.mon[0]: times must be 'HH:mm' (got '9:00'–'18:00')",
      "week.tue[0]: '18:00'–'09:00' must end after it starts (split intervals at midnight)",
      'week.wed[1]: overlaps or is out of order',
      "holidays[0]: '2025-02-30' is not a date 'YYYY-MM-DD'",
      "holidays[1]: 'tomorrow' is not a date 'YYYY-MM-DD'",
      "makeUpWorkdays: '2025-10-01' is also a holiday",
    ]);
  });

  it('needs some weekly working time', () => {
    expect(validateBusinessCalendar({ timeZone: 'UTC', week: {} })).toEqual(['week: at least one weekday needs working hours']);
  });

  it('accepts 24:00 as the end of a day', () => {
    expect(validateBusinessCalendar({ timeZone: 'UTC', week: { sun: [{ from: '00:00', to: '24:00' }] } })).toEqual([]);
  });

  it('makes the arithmetic refuse an invalid calendar', () => {
    expect(() => addBusinessMinutes(new Date('2025-06-02T00:00:00Z'), 10, { timeZone: 'UTC', week: {} })).toThrow(/invalid business calendar/);
  });
});
