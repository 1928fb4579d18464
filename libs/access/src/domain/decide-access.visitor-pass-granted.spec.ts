import { decideAccess } from './decide-access';
import { alice, at, gate, input, pass } from './decide-access.fixtures';

describe('decideAccess: a valid visitor pass', () => {
  it('opens and asks the caller to take one use of the pass', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass() } }))).toEqual({
      decision: 'granted',
      reason: 'visitor_pass',
      display: 'Welcome, Victor.',
      personId: null,
      passId: 'pass-1',
      consumePassUse: true,
    });
  });

  it('without gateIds goes where the host may go: the host’s building door, not another', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass() }, gate: gate('door-b1') })).decision).toBe('granted');
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass() }, gate: gate('door-b2') })).reason).toBe('not_authorized');
  });

  it('with gateIds opens only those gates', () => {
    const p = pass({ gateIds: ['gate-main'] });
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: p } })).decision).toBe('granted');
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: p }, gate: gate('door-b1') }))).toMatchObject({
      decision: 'denied',
      reason: 'not_authorized',
      passId: 'pass-1',
    });
  });

  it('is valid from validFrom inclusive; before it the visitor is outside_schedule', () => {
    const credential = { kind: 'visitor_pass' as const, pass: pass() };
    expect(decideAccess(input({ credential, now: at('2025-03-03T08:00') })).decision).toBe('granted');
    expect(decideAccess(input({ credential, now: at('2025-03-03T07:59') })).reason).toBe('outside_schedule');
  });

  it('an unknown or forged token is not_authorized', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: null }, person: null }))).toMatchObject({
      decision: 'denied',
      reason: 'not_authorized',
      personId: null,
    });
  });

  it('a revoked pass is not_authorized', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ status: 'revoked' }) } })).reason).toBe('not_authorized');
  });

  it('a pass whose host moved out or was banned opens nothing', () => {
    const credential = { kind: 'visitor_pass' as const, pass: pass() };
    expect(decideAccess(input({ credential, person: { ...alice, movedOut: true } }))).toMatchObject({
      decision: 'denied',
      reason: 'not_authorized',
      personId: null,
      passId: 'pass-1',
    });
    expect(decideAccess(input({ credential, person: { ...alice, banned: true } })).reason).toBe('not_authorized');
  });

  it('a pass checked against someone other than its host is not_authorized', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ hostPersonId: 'bob' }) } })).reason).toBe('not_authorized');
  });
});
