import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

describe('emergencies run on the 24/7 clock', () => {
  it('a lift entrapment at 03:00 on a Sunday is due within the hour', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-08T03:00'), statusChanges: [] }, slaPolicyFor('elevator', 'emergency'), CAL);
    expect(iso(due.firstResponseWarnAt)).toBe('2025-06-08T03:08:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-08T03:10:00.000+08:00');
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-08T03:48:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-08T04:00:00.000+08:00');
  });

  it('a burst pipe on Saturday night is due to be fixed in the small hours', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-07T23:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'emergency'), CAL);
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-07T23:15:00.000+08:00');
    expect(iso(due.firstResponseWarnAt)).toBe('2025-06-07T23:12:00.000+08:00');
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-08T02:12:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-08T03:00:00.000+08:00');
  });

  it('counts real elapsed time across the spring-forward night (Berlin)', () => {
    const berlin: BusinessCalendar = { ...CAL, timeZone: 'Europe/Berlin' };
    // 01:30 CET = 00:30Z; four real hours later is 04:30Z = 06:30 CEST (the wall clock skipped 02:00–03:00).
    const due = computeDueTimes({ createdAt: at('2025-03-30T01:30', 'Europe/Berlin'), statusChanges: [] }, slaPolicyFor('plumbing', 'emergency'), berlin);
    expect(due.resolutionDueAt?.toISOString()).toBe('2025-03-30T04:30:00.000Z');
    expect(iso(due.resolutionDueAt, 'Europe/Berlin')).toBe('2025-03-30T06:30:00.000+02:00');
  });

  it('a noise complaint at 23:00 is due at midnight, not Monday', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-07T23:00'), statusChanges: [] }, slaPolicyFor('noise', 'normal'), CAL);
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-08T00:00:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-08T11:00:00.000+08:00');
  });
});
