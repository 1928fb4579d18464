import { decideAccess } from './decide-access';
import { alice, face, gate, input, noFace, pass } from './decide-access.fixtures';

describe('decideAccess: a gate in emergency_open (fire egress)', () => {
  const open = gate('door-b2', 'emergency_open');

  it('grants everyone, recognised or not, and names who it recognised', () => {
    expect(decideAccess(input({ credential: face(alice), gate: open }))).toEqual({
      decision: 'granted',
      reason: 'emergency_open',
      display: 'Emergency: gate open.',
      personId: 'alice',
      consumePassUse: false,
    });
    expect(decideAccess(input({ credential: noFace(0.1), person: null, gate: open }))).toMatchObject({ decision: 'granted', personId: null });
  });

  it('grants even people who are otherwise denied (moved out, expired pass) and takes no pass use', () => {
    expect(decideAccess(input({ credential: face(alice), person: { ...alice, movedOut: true }, gate: open })).decision).toBe('granted');
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass({ usesLeft: 0 }) }, gate: open }))).toMatchObject({
      decision: 'granted',
      passId: 'pass-1',
      consumePassUse: false,
    });
  });
});
