// The refresh-token rotation rule, apart from storage: what presenting a refresh token means.

export interface StoredRefreshToken {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export type RotationVerdict =
  | { kind: 'rotate' }
  /** A token that was already exchanged came back: it leaked, so the whole family is revoked. */
  | { kind: 'reuse_detected' }
  | { kind: 'expired' }
  | { kind: 'revoked' };

export function judgeRefresh(token: StoredRefreshToken, now: Date): RotationVerdict {
  if (token.revokedAt) return { kind: 'revoked' };
  if (token.usedAt) return { kind: 'reuse_detected' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
  return { kind: 'rotate' };
}
