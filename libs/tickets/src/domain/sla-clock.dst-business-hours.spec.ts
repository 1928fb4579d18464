import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

// The default opening hours, in a zone that changes its clocks on Sunday 30 March 2025.
const BERLIN: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, timeZone: 'Europe/Berlin' };
const Z = 'Europe/Berlin';

describe('business-hours SLA across the spring DST change', () => {
  const due = computeDueTimes({ createdAt: at('2025-03-28T15:00', Z), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), BERLIN);

  it('first response: Friday 15–18 (180) + Saturday 09–10 (60), still on winter time', () => {
    expect(iso(due.firstResponseDueAt, Z)).toBe('2025-03-29T10:00:00.000+01:00');
    expect(due.firstResponseDueAt?.toISOString()).toBe('2025-03-29T09:00:00.000Z');
  });

  it('resolution: opening hours keep their wall-clock times on summer time', () => {
    // Friday 180, Saturday 180, Monday 540, Tuesday 540 = 1440 -> Tuesday 18:00 CEST.
    expect(iso(due.resolutionDueAt, Z)).toBe('2025-04-01T18:00:00.000+02:00');
    expect(due.resolutionDueAt?.toISOString()).toBe('2025-04-01T16:00:00.000Z');
  });
});
