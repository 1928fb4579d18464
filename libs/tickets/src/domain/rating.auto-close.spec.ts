import { autoCloseDueAt, shouldAutoClose } from './rating';

describe('auto-close of resolved tickets', () => {
  const resolvedAt = new Date('2025-06-02T02:00:00Z');

  it('defaults to three days', () => {
    expect(autoCloseDueAt(resolvedAt).toISOString()).toBe('2025-06-05T02:00:00.000Z');
    expect(autoCloseDueAt(resolvedAt, 7).toISOString()).toBe('2025-06-09T02:00:00.000Z');
  });

  it('keeps the wall-clock time over a DST change when given the site zone', () => {
    // Resolved Friday 10:00 CET (09:00Z); three days later is Monday 10:00 CEST (08:00Z), 71 real hours.
    const friday = new Date('2025-03-28T09:00:00Z');
    expect(autoCloseDueAt(friday, 3, 'Europe/Berlin').toISOString()).toBe('2025-03-31T08:00:00.000Z');
    expect(autoCloseDueAt(friday, 3).toISOString()).toBe('2025-03-31T09:00:00.000Z');
  });

  it('rejects nonsense', () => {
    expect(() => autoCloseDueAt(resolvedAt, 0)).toThrow(RangeError);
    expect(() => autoCloseDueAt(resolvedAt, 3, 'Nowhere/Special')).toThrow(RangeError);
  });

  it('closes an unanswered resolved ticket once its time has come, not before', () => {
    const t = { status: 'resolved' as const, resolvedAt, ratedAt: null };
    expect(shouldAutoClose(t, new Date('2025-06-05T01:59:59Z'))).toBe(false);
    expect(shouldAutoClose(t, new Date('2025-06-05T02:00:00Z'))).toBe(true);
  });

  it('never closes a rated resolution or a ticket that is not resolved', () => {
    const later = new Date('2025-07-01T00:00:00Z');
    expect(shouldAutoClose({ status: 'resolved', resolvedAt, ratedAt: new Date('2025-06-03T00:00:00Z') }, later)).toBe(false);
    expect(shouldAutoClose({ status: 'reopened', resolvedAt, ratedAt: null }, later)).toBe(false);
    expect(shouldAutoClose({ status: 'closed', resolvedAt, ratedAt: null }, later)).toBe(false);
  });
});
