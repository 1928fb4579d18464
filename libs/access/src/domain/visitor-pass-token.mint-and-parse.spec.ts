import { hashVisitorPassToken, mintVisitorPassToken, parseVisitorPassToken, visitorPassTokenMatches } from './visitor-pass-token';

describe('visitor pass tokens', () => {
  it('mints v1.<passId>.<24 random base64url chars> and a SHA-256 hash to store', () => {
    const { token, tokenHash } = mintVisitorPassToken('pass-7');
    expect(token).toMatch(/^v1\.pass-7\.[A-Za-z0-9_-]{24}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashVisitorPassToken(token));
    expect(tokenHash).not.toContain(token.split('.')[2]);
  });

  it('is random: two passes, or the same pass twice, never share a token', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => mintVisitorPassToken('pass-7').token));
    expect(tokens.size).toBe(50);
  });

  it('accepts an injected random source (deterministic fixtures)', () => {
    const { token } = mintVisitorPassToken('pass-7', () => Buffer.alloc(18, 0xff));
    expect(token).toBe('v1.pass-7.' + '_'.repeat(24));
    expect(() => mintVisitorPassToken('pass-7', () => Buffer.alloc(4))).toThrow(RangeError);
  });

  it('parses the pass id out of a well-formed token and rejects everything else', () => {
    const { token } = mintVisitorPassToken('pass-7');
    expect(parseVisitorPassToken(token)).toEqual({ passId: 'pass-7' });
    for (const bad of ['', 'v1.pass-7', 'v2.pass-7.' + 'A'.repeat(24), 'v1.pass 7.' + 'A'.repeat(24), 'v1.pass-7.' + 'A'.repeat(23), 'r1.x.1.' + 'A'.repeat(22)]) {
      expect(parseVisitorPassToken(bad)).toBeNull();
    }
  });

  it('matches only the token whose hash was stored', () => {
    const a = mintVisitorPassToken('pass-7');
    const b = mintVisitorPassToken('pass-7');
    expect(visitorPassTokenMatches(a.token, a.tokenHash)).toBe(true);
    expect(visitorPassTokenMatches(b.token, a.tokenHash)).toBe(false);
    expect(visitorPassTokenMatches('garbage', a.tokenHash)).toBe(false);
    expect(visitorPassTokenMatches(a.token, 'not-a-hash')).toBe(false);
  });

  it('refuses pass ids that would break the format', () => {
    expect(() => mintVisitorPassToken('a.b')).toThrow(RangeError);
    expect(() => mintVisitorPassToken('')).toThrow(RangeError);
  });
});
