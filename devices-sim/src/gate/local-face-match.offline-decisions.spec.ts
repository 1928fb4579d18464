import { capture, createSeededRng, DEFAULT_CAPTURE_NOISE, encodeEmbedding, impostor, trueFace } from '@app/contracts/embedding';
import { decideLocally, toLocalEntry } from './local-face-match';

const dim = 128;
const entry = (key: string, validUntil: string | null = null) => toLocalEntry(key, encodeEmbedding(trueFace('lib', key, dim)), validUntil, dim)!;

describe('a gate deciding from its own library while offline', () => {
  const lib = [entry('alice'), entry('bob'), entry('carol', '2026-01-01T00:00:00Z')];
  const rng = createSeededRng('offline');
  const now = Date.parse('2026-05-01T07:30:00Z');

  it('lets an enrolled resident in and names them', () => {
    const d = decideLocally(lib, capture(trueFace('lib', 'bob', dim), DEFAULT_CAPTURE_NOISE / 2, rng), 0.97, now);
    expect(d).toMatchObject({ decision: 'granted', personId: 'bob', reason: 'offline' });
    expect(d.score).toBeGreaterThan(0.5);
  });

  it('refuses a stranger and a spoof', () => {
    expect(decideLocally(lib, impostor(rng, dim), 0.97, now)).toMatchObject({ decision: 'denied', reason: 'unknown_face' });
    expect(decideLocally(lib, trueFace('lib', 'alice', dim), 0.3, now)).toMatchObject({ decision: 'denied', reason: 'liveness_failed' });
  });

  it('refuses an entry past its validity', () => {
    expect(decideLocally(lib, trueFace('lib', 'carol', dim), 0.97, now)).toMatchObject({ decision: 'denied', personId: 'carol', reason: 'expired' });
  });

  it('skips entries that cannot be decoded', () => {
    expect(toLocalEntry('x', 'AAAA', null, dim)).toBeNull();
  });
});
