import { judgeRefresh } from './refresh-rotation';

const now = new Date('2026-11-28T10:00:00Z');
const later = new Date('2026-12-28T10:00:00Z');

describe('refresh token rotation', () => {
  it('rotates a fresh, unused token', () => {
    expect(judgeRefresh({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toEqual({ kind: 'rotate' });
  });

  it('detects reuse of a token that was already exchanged', () => {
    expect(judgeRefresh({ expiresAt: later, usedAt: new Date('2026-11-28T09:00:00Z'), revokedAt: null }, now)).toEqual({ kind: 'reuse_detected' });
  });

  it('refuses an expired token, even at the exact expiry instant', () => {
    expect(judgeRefresh({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toEqual({ kind: 'expired' });
  });

  it('reports revocation before reuse (a revoked family stays revoked)', () => {
    expect(judgeRefresh({ expiresAt: later, usedAt: now, revokedAt: now }, now)).toEqual({ kind: 'revoked' });
  });
});
