import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar';
import { at, changes, iso, MIN, SHANGHAI } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

// Dragon Boat Festival 2025: Saturday 31 May to Monday 2 June off.
const CAL: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-05-31', '2025-06-01', '2025-06-02'] };

describe('a hold that starts before a holiday and ends after it', () => {
  it('consumes neither the hold nor the holiday', () => {
    // electrical/high: 480 business minutes. Thursday 29 May 14:00 – 16:00 running (120), on hold until Tuesday 3 June 10:00.
    const due = computeDueTimes(
      {
        createdAt: at('2025-05-29T14:00'),
        statusChanges: changes(SHANGHAI, ['2025-05-29T14:10', 'in_progress'], ['2025-05-29T16:00', 'on_hold'], ['2025-06-03T10:00', 'in_progress']),
        firstResponseAt: at('2025-05-29T14:10'),
      },
      slaPolicyFor('electrical', 'high'),
      CAL,
    );
    // 360 left from Tuesday 10:00 -> 16:00.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-03T16:00:00.000+08:00');
    expect(due.firstResponse.consumedMs).toBe(10 * MIN);
  });

  it('without the hold it would have been due on Friday, before the holiday', () => {
    const due = computeDueTimes({ createdAt: at('2025-05-29T14:00'), statusChanges: [] }, slaPolicyFor('electrical', 'high'), CAL);
    // Thursday 240, Friday 09:00 + 240.
    expect(iso(due.resolutionDueAt)).toBe('2025-05-30T13:00:00.000+08:00');
  });
});
