import { decideAccess } from './decide-access';
import { alice, at, face, gate, input } from './decide-access.fixtures';

describe('decideAccess: a resident shows their face', () => {
  it('opens the perimeter gate with a welcome home', () => {
    expect(decideAccess(input({ credential: face(alice) }))).toEqual({
      decision: 'granted',
      reason: 'policy',
      display: 'Welcome home, Alice.',
      personId: 'alice',
      consumePassUse: false,
    });
  });

  it('opens their own building door at 3 a.m. on a Sunday (24/7)', () => {
    const d = decideAccess(input({ credential: face(alice), gate: gate('door-b1'), now: at('2025-03-09T03:00') }));
    expect(d).toMatchObject({ decision: 'granted', reason: 'policy' });
  });

  it('opens the perimeter gate on a holiday too (holidays close staff schedules, not homes)', () => {
    expect(decideAccess(input({ credential: face(alice), now: at('2025-10-01T12:00') })).decision).toBe('granted');
  });

  it('accepts a score exactly at the threshold', () => {
    expect(decideAccess(input({ credential: face(alice, 0.3) })).decision).toBe('granted');
  });

  it('uses the thresholds it is given, not hard-coded ones', () => {
    const strict = { match: 0.7, liveness: 0.9 };
    expect(decideAccess(input({ credential: face(alice, 0.62), thresholds: strict }))).toMatchObject({ decision: 'denied', reason: 'unknown_face' });
  });
});
