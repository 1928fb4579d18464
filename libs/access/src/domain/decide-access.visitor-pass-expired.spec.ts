import { decideAccess } from './decide-access';
import { at, input, pass } from './decide-access.fixtures';

describe('decideAccess: an expired visitor pass', () => {
  it('denies pass_expired at validUntil (exclusive) and after', () => {
    const credential = { kind: 'visitor_pass' as const, pass: pass() };
    expect(decideAccess(input({ credential, now: at('2025-03-03T19:59') })).decision).toBe('granted');
    for (const t of ['2025-03-03T20:00', '2025-03-04T09:00']) {
      expect(decideAccess(input({ credential, now: at(t) }))).toMatchObject({ decision: 'denied', reason: 'pass_expired', passId: 'pass-1' });
    }
  });

  it('denies pass_expired when the record is marked expired', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ status: 'expired' }) } })).reason).toBe('pass_expired');
  });

  it('reports pass_expired before pass_used_up when both hold', () => {
    const p = pass({ usesLeft: 0 });
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: p }, now: at('2025-03-04T09:00') })).reason).toBe('pass_expired');
  });
});
