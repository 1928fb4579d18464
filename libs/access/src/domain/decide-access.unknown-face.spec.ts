import { decideAccess } from './decide-access';
import { alice, face, input, noFace } from './decide-access.fixtures';

describe('decideAccess: the face is not recognised', () => {
  it('denies unknown_face when nobody matched and names nobody', () => {
    expect(decideAccess(input({ credential: noFace(), person: null }))).toEqual({
      decision: 'denied',
      reason: 'unknown_face',
      display: 'Face not recognised. Please use your QR code.',
      personId: null,
    });
  });

  it('denies unknown_face when the best match is below the threshold', () => {
    expect(decideAccess(input({ credential: face(alice, 0.29) }))).toMatchObject({ decision: 'denied', reason: 'unknown_face', personId: null });
  });

  it('denies unknown_face when the matched person is no longer in the directory (stale index)', () => {
    expect(decideAccess(input({ credential: face('ghost'), person: null }))).toMatchObject({ reason: 'unknown_face' });
  });

  it('denies unknown_face when the caller passed someone other than the matched person', () => {
    expect(decideAccess(input({ credential: face('bob'), person: alice }))).toMatchObject({ reason: 'unknown_face' });
  });
});
