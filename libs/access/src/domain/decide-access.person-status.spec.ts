import { decideAccess } from './decide-access';
import { alice, face, gate, input, sam } from './decide-access.fixtures';

describe('decideAccess: the person is not in good standing', () => {
  it.each([
    ['moved out', { movedOut: true }],
    ['deactivated', { active: false }],
    ['banned', { banned: true }],
  ])('denies not_authorized to a resident who is %s, everywhere', (_label, change) => {
    for (const g of ['gate-main', 'door-b1']) {
      expect(decideAccess(input({ credential: face(alice), person: { ...alice, ...change }, gate: gate(g) }))).toMatchObject({
        decision: 'denied',
        reason: 'not_authorized',
        personId: 'alice',
      });
    }
  });

  it('denies a banned staff member even though staff may use every gate', () => {
    expect(decideAccess(input({ credential: face(sam), person: { ...sam, banned: true } })).reason).toBe('not_authorized');
  });
});
