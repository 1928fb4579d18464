import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

// 2025 National Day: 1–8 October off; Sunday 28 Sep and Saturday 11 Oct are make-up working days.
const CAL: BusinessCalendar = {
  ...DEFAULT_BUSINESS_CALENDAR,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
};

describe('SLA clocks over the National Day holiday', () => {
  it('a ticket filed the afternoon before the holiday is due the morning after it', () => {
    const due = computeDueTimes({ createdAt: at('2025-09-30T16:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
    // 120 on 30 Sep, then 9 Oct 09:00 + 120 (80 %: + 72).
    expect(iso(due.firstResponseDueAt)).toBe('2025-10-09T11:00:00.000+08:00');
    expect(iso(due.firstResponseWarnAt)).toBe('2025-10-09T10:12:00.000+08:00');
  });

  it('a ticket filed on Saturday morning is due on the make-up Sunday', () => {
    const due = computeDueTimes({ createdAt: at('2025-09-27T11:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
    expect(iso(due.firstResponseDueAt)).toBe('2025-09-28T12:00:00.000+08:00');
  });

  it('a low-priority job counts the full make-up Saturday', () => {
    // 4320 business minutes: 30 Sep 480, 9 Oct 540, 10 Oct 540, 11 Oct 540 (make-up), 13–16 Oct 4 × 540, 17 Oct 60.
    const due = computeDueTimes({ createdAt: at('2025-09-30T10:00'), statusChanges: [] }, slaPolicyFor('landscaping', 'low'), CAL);
    expect(iso(due.resolutionDueAt)).toBe('2025-10-17T10:00:00.000+08:00');
  });
});
