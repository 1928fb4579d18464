import { decideAccess } from './decide-access';
import { alice, at, cleo, face, gate, input, noFace, pass, residentQr, sam } from './decide-access.fixtures';

describe('decideAccess: a gate in lockdown', () => {
  const locked = gate('gate-main', 'lockdown');

  it('denies an authorised resident with lockdown and keeps who it was for the log', () => {
    expect(decideAccess(input({ credential: face(alice), gate: locked }))).toEqual({
      decision: 'denied',
      reason: 'lockdown',
      display: 'Gate locked down. Please contact security.',
      personId: 'alice',
    });
  });

  it('gives unknown faces, spoofs, codes and visitors the same lockdown answer', () => {
    expect(decideAccess(input({ credential: noFace(), person: null, gate: locked })).reason).toBe('lockdown');
    expect(decideAccess(input({ credential: face(alice, 0.9, 0.1), gate: locked }))).toMatchObject({ reason: 'lockdown', personId: null });
    expect(decideAccess(input({ credential: residentQr({ ok: true, residentId: 'alice', step: 1 }), gate: locked })).reason).toBe('lockdown');
    expect(decideAccess(input({ credential: { kind: 'visitor_pass', pass: pass() }, gate: locked }))).toMatchObject({ reason: 'lockdown', passId: 'pass-1' });
  });

  it('denies staff without the override flag', () => {
    expect(decideAccess(input({ credential: face(sam), person: sam, gate: locked })).reason).toBe('lockdown');
  });

  it('lets staff with the override through, at any gate and hour, even outside their schedule', () => {
    expect(decideAccess(input({ credential: face(sam), person: sam, gate: locked, staffOverride: true }))).toEqual({
      decision: 'granted',
      reason: 'lockdown_override',
      display: 'Lockdown override, Sam.',
      personId: 'sam',
      consumePassUse: false,
    });
    const night = decideAccess(input({ credential: face(cleo), person: cleo, gate: gate('door-b2', 'lockdown'), staffOverride: true, now: at('2025-03-08T03:00') }));
    expect(night.reason).toBe('lockdown_override');
  });

  it('does not let the override flag help a resident, a spoof, or a banned staff member', () => {
    expect(decideAccess(input({ credential: face(alice), gate: locked, staffOverride: true })).reason).toBe('lockdown');
    expect(decideAccess(input({ credential: face(sam, 0.9, 0.2), person: sam, gate: locked, staffOverride: true })).reason).toBe('lockdown');
    expect(decideAccess(input({ credential: face(sam, 0.2), person: sam, gate: locked, staffOverride: true })).reason).toBe('lockdown');
    expect(decideAccess(input({ credential: face(sam), person: { ...sam, banned: true }, gate: locked, staffOverride: true })).reason).toBe('lockdown');
  });
});
