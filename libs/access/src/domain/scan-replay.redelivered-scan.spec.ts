import { planScanAnswer, STALE_SCAN_MS } from './scan-replay';

const now = Date.parse('2026-05-01T08:00:00Z');

describe('answering a scan at most once', () => {
  it('answers a first delivery it claimed', () => {
    expect(planScanAnswer({ claim: 'claimed', redelivered: false, eventTs: now - 50, now })).toEqual({ answer: true });
  });

  it('sends nothing for a redelivery of a scan that was already answered', () => {
    expect(planScanAnswer({ claim: 'taken', redelivered: true, eventTs: now - 50, now })).toEqual({ answer: false, why: 'already_answered' });
  });

  it('sends nothing for a device replay (not flagged as redelivered) of an answered scan', () => {
    expect(planScanAnswer({ claim: 'taken', redelivered: false, eventTs: now - 50, now })).toEqual({ answer: false, why: 'already_answered' });
  });

  it('answers a fresh redelivery nobody answered yet (the backend crashed before deciding)', () => {
    expect(planScanAnswer({ claim: 'claimed', redelivered: true, eventTs: now - 2000, now })).toEqual({ answer: true });
  });

  it('does not open for a redelivered scan older than the stale limit', () => {
    expect(planScanAnswer({ claim: 'claimed', redelivered: true, eventTs: now - STALE_SCAN_MS - 1, now })).toEqual({ answer: false, why: 'stale_redelivery' });
  });

  it('answers a first delivery even when Redis cannot say, but not a redelivery', () => {
    expect(planScanAnswer({ claim: 'unknown', redelivered: false, eventTs: now, now })).toEqual({ answer: true });
    expect(planScanAnswer({ claim: 'unknown', redelivered: true, eventTs: now, now })).toEqual({ answer: false, why: 'claim_unavailable' });
  });
});
