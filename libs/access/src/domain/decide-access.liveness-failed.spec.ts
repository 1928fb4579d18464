import { decideAccess } from './decide-access';
import { alice, face, input, noFace } from './decide-access.fixtures';

describe('decideAccess: liveness is checked before matching', () => {
  it('denies liveness_failed for a spoof of an enrolled resident and does not identify them', () => {
    expect(decideAccess(input({ credential: face(alice, 0.95, 0.4) }))).toEqual({
      decision: 'denied',
      reason: 'liveness_failed',
      display: 'Please look straight at the camera and try again.',
      personId: null,
    });
  });

  it('reports liveness_failed rather than unknown_face when both fail', () => {
    expect(decideAccess(input({ credential: noFace(0.2), person: null })).reason).toBe('liveness_failed');
  });

  it('accepts liveness exactly at the threshold and rejects just below it', () => {
    expect(decideAccess(input({ credential: face(alice, 0.62, 0.9) })).decision).toBe('granted');
    expect(decideAccess(input({ credential: face(alice, 0.62, 0.899) })).reason).toBe('liveness_failed');
  });

  it('treats a NaN liveness as failed (fail closed)', () => {
    expect(decideAccess(input({ credential: face(alice, 0.62, Number.NaN) })).reason).toBe('liveness_failed');
  });
});
