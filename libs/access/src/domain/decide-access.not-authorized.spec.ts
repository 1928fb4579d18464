import { decideAccess } from './decide-access';
import { alice, face, gate, input } from './decide-access.fixtures';

describe('decideAccess: a known person at a gate they may not use', () => {
  it('denies not_authorized at another building’s door', () => {
    expect(decideAccess(input({ credential: face(alice), gate: gate('door-b2') }))).toEqual({
      decision: 'denied',
      reason: 'not_authorized',
      display: 'Access not permitted here.',
      personId: 'alice',
    });
  });

  it('denies not_authorized at a gate no policy mentions', () => {
    expect(decideAccess(input({ credential: face(alice), gate: gate('gate-unknown') })).reason).toBe('not_authorized');
  });

  it('denies not_authorized to a person in no group', () => {
    expect(decideAccess(input({ credential: face(alice), person: { ...alice, groupIds: [] } })).reason).toBe('not_authorized');
  });

  it('denies not_authorized when the site has no policies at all', () => {
    expect(decideAccess(input({ credential: face(alice), policies: [] })).reason).toBe('not_authorized');
  });
});
