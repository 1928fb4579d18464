import { DEFAULT_BUSINESS_CALENDAR as CAL } from './business-calendar';
import { at, iso } from './domain-test-helpers';
import { computeDueTimes } from './sla-clock';
import { slaPolicyFor } from './sla-policy';

// plumbing/normal: first response 240, resolution 1440 business minutes; high: 60 and 480.
describe('SLA due times on business hours, no pauses', () => {
  it('a normal ticket filed Monday 16:00 is answered by Tuesday 11:00 and resolved by Thursday 13:00', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
    // 120 min on Monday, then Tuesday from 09:00.
    expect(iso(due.firstResponseWarnAt)).toBe('2025-06-03T10:12:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-03T11:00:00.000+08:00');
    // 120 Monday + 540 Tuesday + 540 Wednesday = 1200; Thursday 09:00 + 240.
    expect(iso(due.resolutionDueAt)).toBe('2025-06-05T13:00:00.000+08:00');
    // 80 % = 1152: 120 + 540 + 492 -> Wednesday 17:12.
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-04T17:12:00.000+08:00');
    expect(due.nextTarget).toBe('first_response');
    expect(iso(due.warnAt)).toBe('2025-06-03T10:12:00.000+08:00');
    expect(iso(due.breachAt)).toBe('2025-06-03T11:00:00.000+08:00');
    expect(due.paused).toBe(false);
    expect(due.firstResponse.state).toBe('running');
  });

  it('a high ticket filed Saturday 11:00 uses Saturday morning, then Monday', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-07T11:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'high'), CAL);
    expect(iso(due.firstResponseWarnAt)).toBe('2025-06-07T11:48:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-07T12:00:00.000+08:00');
    // 60 on Saturday, 420 on Monday.
    expect(iso(due.resolutionWarnAt)).toBe('2025-06-09T14:24:00.000+08:00');
    expect(iso(due.resolutionDueAt)).toBe('2025-06-09T16:00:00.000+08:00');
  });

  it('a ticket filed on Sunday evening starts counting Monday 09:00', () => {
    const due = computeDueTimes({ createdAt: at('2025-06-08T20:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
    expect(iso(due.firstResponseWarnAt)).toBe('2025-06-09T12:12:00.000+08:00');
    expect(iso(due.firstResponseDueAt)).toBe('2025-06-09T13:00:00.000+08:00');
  });

  it('assignment alone does not stop or pause anything', () => {
    const plain = computeDueTimes({ createdAt: at('2025-06-02T16:00'), statusChanges: [] }, slaPolicyFor('plumbing', 'normal'), CAL);
    const assigned = computeDueTimes(
      { createdAt: at('2025-06-02T16:00'), statusChanges: [{ at: at('2025-06-02T16:01'), to: 'assigned' }] },
      slaPolicyFor('plumbing', 'normal'),
      CAL,
    );
    expect(assigned.firstResponseDueAt).toEqual(plain.firstResponseDueAt);
    expect(assigned.resolutionDueAt).toEqual(plain.resolutionDueAt);
  });
});
