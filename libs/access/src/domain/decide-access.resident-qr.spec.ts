import { decideAccess } from './decide-access';
import { alice, gate, input, residentQr } from './decide-access.fixtures';

describe('decideAccess: a resident shows their rotating QR code', () => {
  it('opens like a face would', () => {
    expect(decideAccess(input({ credential: residentQr({ ok: true, residentId: 'alice', step: 1 }) }))).toMatchObject({
      decision: 'granted',
      reason: 'policy',
      personId: 'alice',
    });
  });

  it.each(['expired', 'bad_signature', 'malformed', 'not_yet_valid'] as const)('denies not_authorized for a %s code', (reason) => {
    expect(decideAccess(input({ credential: residentQr({ ok: false, reason }), person: null }))).toMatchObject({
      decision: 'denied',
      reason: 'not_authorized',
      personId: null,
    });
  });

  it('denies not_authorized for a valid code of someone no longer in the directory', () => {
    expect(decideAccess(input({ credential: residentQr({ ok: true, residentId: 'gone', step: 1 }), person: null })).reason).toBe('not_authorized');
  });

  it('still applies the gate policy (another building’s door)', () => {
    expect(decideAccess(input({ credential: residentQr({ ok: true, residentId: 'alice', step: 1 }), gate: gate('door-b2') })).reason).toBe('not_authorized');
  });

  it('a moved-out resident’s code opens nothing', () => {
    expect(decideAccess(input({ credential: residentQr({ ok: true, residentId: 'alice', step: 1 }), person: { ...alice, movedOut: true } })).reason).toBe(
      'not_authorized',
    );
  });
});
