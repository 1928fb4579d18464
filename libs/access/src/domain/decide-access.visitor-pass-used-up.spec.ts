import { decideAccess } from './decide-access';
import { input, pass } from './decide-access.fixtures';

describe('decideAccess: a visitor pass with no uses left', () => {
  it('denies pass_used_up when usesLeft is 0', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ usesLeft: 0 }) } }))).toEqual({
      decision: 'denied',
      reason: 'pass_used_up',
      display: 'This visitor pass has been used up.',
      personId: null,
      passId: 'pass-1',
    });
  });

  it('denies pass_used_up when the record says used_up even if a count lingers', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ status: 'used_up', usesLeft: 2 }) } })).reason).toBe('pass_used_up');
  });

  it('a negative count (over-consumed by a race) is used up too', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ usesLeft: -1 }) } })).reason).toBe('pass_used_up');
  });

  it('still grants the last remaining use', () => {
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ usesLeft: 1 }) } })).decision).toBe('granted');
  });
});
