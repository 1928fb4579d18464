// Resident rotating QR codes: `r1.<residentId>.<step>.<mac>`, where step = floor(unix seconds / 30)
// and mac = HMAC-SHA256(secret, "r1.<residentId>.<step>") truncated to 128 bits, base64url.
// A gate accepts the current step ±1, so a code lives 60-90 s: a screenshot is useless a minute
// later, while phone/gate clock skew of up to 30 s still works. No I/O; node:crypto only.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const QR_STEP_SECONDS = 30;
/** Steps accepted either side of the verifier's current step. */
export const QR_STEP_TOLERANCE = 1;
const MAC_BYTES = 16;
const PREFIX = 'r1';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STEP_PATTERN = /^\d{1,12}$/;
const MAC_PATTERN = /^[A-Za-z0-9_-]{22}$/; // 16 bytes in base64url, unpadded

export interface MintedResidentQr {
  token: string;
  step: number;
  /** When the app should show a fresh code (start of the next step). */
  refreshAt: Date;
  /** After this instant no gate accepts the code any more. */
  expiresAt: Date;
}

export type ResidentQrVerification =
  | { ok: true; residentId: string; step: number }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' };

export function qrStepAt(now: Date | number): number {
  return Math.floor(toMillis(now) / 1000 / QR_STEP_SECONDS);
}

export function mintResidentQr(secret: string | Buffer, residentId: string, now: Date | number): MintedResidentQr {
  if (!ID_PATTERN.test(residentId)) throw new RangeError('residentId must be 1-64 chars of [A-Za-z0-9_-]');
  assertSecret(secret);
  const step = qrStepAt(now);
  const body = `${PREFIX}.${residentId}.${step}`;
  return {
    token: `${body}.${mac(secret, body).toString('base64url')}`,
    step,
    refreshAt: new Date((step + 1) * QR_STEP_SECONDS * 1000),
    expiresAt: new Date((step + 1 + QR_STEP_TOLERANCE) * QR_STEP_SECONDS * 1000),
  };
}

/**
 * Checks a scanned resident code. Accepts several secrets so the signing secret can be rotated
 * (new first, old until every code signed with it has expired). The MAC is compared in constant time.
 */
export function verifyResidentQr(
  token: string,
  secrets: string | Buffer | ReadonlyArray<string | Buffer>,
  now: Date | number,
): ResidentQrVerification {
  const parsed = parseResidentQr(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parsed.mac, 'base64url');
  const body = `${PREFIX}.${parsed.residentId}.${parsed.step}`;
  const list = Array.isArray(secrets) ? secrets : [secrets as string | Buffer];
  let authentic = false;
  // Check every secret (no early exit) so timing does not tell which one matched.
  for (const secret of list) {
    if (isUsableSecret(secret) && timingSafeEqual(mac(secret, body), given)) authentic = true;
  }
  if (!authentic) return { ok: false, reason: 'bad_signature' };
  const current = qrStepAt(now);
  if (current - parsed.step > QR_STEP_TOLERANCE) return { ok: false, reason: 'expired' };
  if (parsed.step - current > QR_STEP_TOLERANCE) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, residentId: parsed.residentId, step: parsed.step };
}

/** True when the token has the shape of a resident code (cheap routing of `access.qr`). */
export function isResidentQrToken(token: string): boolean {
  return parseResidentQr(token) !== null;
}

function parseResidentQr(token: string): { residentId: string; step: number; mac: string } | null {
  if (typeof token !== 'string' || token.length > 128) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, residentId, step, macText] = parts;
  if (!ID_PATTERN.test(residentId) || !STEP_PATTERN.test(step) || !MAC_PATTERN.test(macText)) return null;
  return { residentId, step: Number(step), mac: macText };
}

function mac(secret: string | Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}

function isUsableSecret(secret: string | Buffer): boolean {
  return (typeof secret === 'string' || Buffer.isBuffer(secret)) && secret.length >= 16;
}

function assertSecret(secret: string | Buffer): void {
  if (!isUsableSecret(secret)) throw new RangeError('QR secret must be at least 16 bytes');
}

function toMillis(t: Date | number): number {
  return typeof t === 'number' ? t : t.getTime();
}
