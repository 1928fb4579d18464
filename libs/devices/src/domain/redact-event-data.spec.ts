import { redactEventData } from './redact-event-data';

describe('event data redaction', () => {
  it('removes a face capture embedding and keeps the rest', () => {
    const data = { embedding: 'AAAA'.repeat(10), dim: 512, liveness: 0.97 };
    const out = redactEventData(data);
    expect(out).toEqual({ dim: 512, liveness: 0.97, embeddingRedacted: { length: 40 } });
    expect(JSON.stringify(out)).not.toContain('AAAA');
    // The original object is left alone (it may still be needed by the matcher).
    expect(data.embedding).toBe('AAAA'.repeat(10));
  });

  it('removes a scanned QR token (a visitor pass token would open the gate again)', () => {
    const out = redactEventData({ token: 'v1.pass-1.abcdefghijklmnopqrstuvwx' });
    expect(out).toEqual({ tokenRedacted: { length: 34 } });
  });

  it('returns events without sensitive fields unchanged (same object, no copy)', () => {
    const data = { state: 'open' };
    expect(redactEventData(data)).toBe(data);
  });
});
