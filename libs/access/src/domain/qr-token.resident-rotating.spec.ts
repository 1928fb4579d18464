import { createHmac } from 'node:crypto';
import { isResidentQrToken, mintResidentQr, qrStepAt, verifyResidentQr } from './qr-token';

const SECRET = 'test-secret-0123456789abcdef';
const T0 = Date.parse('2025-03-03T01:00:05Z'); // 5 s into a 30 s step
const STEP = 30_000;

describe('resident rotating QR code', () => {
  it('has the compact r1.<residentId>.<step>.<mac> shape with a 128-bit base64url MAC', () => {
    const { token, step } = mintResidentQr(SECRET, 'res-42', T0);
    expect(step).toBe(qrStepAt(T0));
    expect(token).toMatch(/^r1\.res-42\.\d+\.[A-Za-z0-9_-]{22}$/);
    const expectedMac = createHmac('sha256', SECRET).update(`r1.res-42.${step}`).digest().subarray(0, 16).toString('base64url');
    expect(token.split('.')[3]).toBe(expectedMac);
    expect(isResidentQrToken(token)).toBe(true);
  });

  it('tells the app when to refresh and when the code stops working', () => {
    const m = mintResidentQr(SECRET, 'res-42', T0);
    expect(m.refreshAt.getTime()).toBe((m.step + 1) * STEP);
    expect(m.expiresAt.getTime()).toBe((m.step + 2) * STEP);
  });

  it('verifies in the same step and one step either side (clock skew)', () => {
    const { token, step } = mintResidentQr(SECRET, 'res-42', T0);
    for (const dt of [0, STEP, -STEP]) {
      expect(verifyResidentQr(token, SECRET, T0 + dt)).toEqual({ ok: true, residentId: 'res-42', step });
    }
  });

  it('is useless a minute later: expired two steps on, not yet valid two steps early', () => {
    const { token } = mintResidentQr(SECRET, 'res-42', T0);
    expect(verifyResidentQr(token, SECRET, T0 + 2 * STEP)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyResidentQr(token, SECRET, T0 + 60 * 60_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyResidentQr(token, SECRET, T0 - 2 * STEP)).toEqual({ ok: false, reason: 'not_yet_valid' });
  });

  it('rejects tampering with the resident, the step or the MAC', () => {
    const { token } = mintResidentQr(SECRET, 'res-42', T0);
    const [p, id, step, mac] = token.split('.');
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    for (const forged of [`${p}.res-43.${step}.${mac}`, `${p}.${id}.${Number(step) + 1}.${mac}`, `${p}.${id}.${step}.${flipped}`]) {
      expect(verifyResidentQr(forged, SECRET, T0)).toEqual({ ok: false, reason: 'bad_signature' });
    }
  });

  it('rejects a code signed with another secret', () => {
    const { token } = mintResidentQr('another-secret-0123456789', 'res-42', T0);
    expect(verifyResidentQr(token, SECRET, T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('accepts codes signed with any of the current secrets (rotation)', () => {
    const old = mintResidentQr('old-secret-0123456789abc', 'res-42', T0).token;
    const fresh = mintResidentQr(SECRET, 'res-42', T0).token;
    expect(verifyResidentQr(old, [SECRET, 'old-secret-0123456789abc'], T0).ok).toBe(true);
    expect(verifyResidentQr(fresh, [SECRET, 'old-secret-0123456789abc'], T0).ok).toBe(true);
    expect(verifyResidentQr(old, [SECRET], T0).ok).toBe(false);
  });

  it.each([
    '',
    'r1',
    'r2.res-42.1.AAAAAAAAAAAAAAAAAAAAAA',
    'r1.res 42.1.AAAAAAAAAAAAAAAAAAAAAA',
    'r1.res-42.-1.AAAAAAAAAAAAAAAAAAAAAA',
    'r1.res-42.1.AAAA',
    'r1.res-42.1.AAAAAAAAAAAAAAAAAAAAAA.extra',
    'v1.pass-1.AAAAAAAAAAAAAAAAAAAAAAAA',
    'r1.' + 'x'.repeat(200) + '.1.AAAAAAAAAAAAAAAAAAAAAA',
  ])('rejects the malformed code %p without throwing', (token) => {
    expect(verifyResidentQr(token, SECRET, T0)).toEqual({ ok: false, reason: 'malformed' });
    expect(isResidentQrToken(token)).toBe(false);
  });

  it('refuses to mint with a short secret or an id that would break the format', () => {
    expect(() => mintResidentQr('short', 'res-42', T0)).toThrow(RangeError);
    expect(() => mintResidentQr(SECRET, 'res.42', T0)).toThrow(RangeError);
  });

  it('never verifies with an unusable secret', () => {
    const { token } = mintResidentQr(SECRET, 'res-42', T0);
    expect(verifyResidentQr(token, ['', 'short'], T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
