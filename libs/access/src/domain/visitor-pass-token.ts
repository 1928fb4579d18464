// Visitor pass QR tokens: `v1.<passId>.<random>`, opaque and random (not derived from the pass), so
// the database stores only a SHA-256 of the token: a leaked table cannot open gates. The passId in
// clear lets the backend find the pass in O(1); the hash comparison proves the token is the pass's.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'v1';
const RANDOM_BYTES = 18; // 144 bits -> 24 base64url chars
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const RANDOM_PATTERN = /^[A-Za-z0-9_-]{24}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export interface MintedVisitorPassToken {
  /** Shown once to the resident (as a QR code); never stored. */
  token: string;
  /** Stored on the pass record. */
  tokenHash: string;
}

export function mintVisitorPassToken(passId: string, random: () => Buffer = () => randomBytes(RANDOM_BYTES)): MintedVisitorPassToken {
  if (!ID_PATTERN.test(passId)) throw new RangeError('passId must be 1-64 chars of [A-Za-z0-9_-]');
  const bytes = random();
  if (bytes.length !== RANDOM_BYTES) throw new RangeError(`random() must return ${RANDOM_BYTES} bytes`);
  const token = `${PREFIX}.${passId}.${bytes.toString('base64url')}`;
  return { token, tokenHash: hashVisitorPassToken(token) };
}

/** The pass id of a well-formed visitor token, or null. Says nothing about authenticity. */
export function parseVisitorPassToken(token: string): { passId: string } | null {
  if (typeof token !== 'string' || token.length > 128) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  if (!ID_PATTERN.test(parts[1]) || !RANDOM_PATTERN.test(parts[2])) return null;
  return { passId: parts[1] };
}

export function hashVisitorPassToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time check of a scanned token against the pass's stored hash. */
export function visitorPassTokenMatches(token: string, storedHash: string): boolean {
  if (!parseVisitorPassToken(token) || !HASH_PATTERN.test(storedHash)) return false;
  return timingSafeEqual(Buffer.from(hashVisitorPassToken(token), 'hex'), Buffer.from(storedHash, 'hex'));
}
