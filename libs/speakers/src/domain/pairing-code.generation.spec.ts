import { generatePairingCode, isPairingCodeFormat } from './pairing-code';

describe('pairing codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(generatePairingCode(() => 0)).toBe('000000');
    expect(generatePairingCode(() => 0.0000425)).toBe('000042');
    expect(generatePairingCode(() => 0.9999999)).toBe('999999');
  });

  it('cover the whole code space evenly for a uniform source', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 1000; index++) seen.add(generatePairingCode(() => index / 1000));
    expect(seen.size).toBe(1000);
    expect([...seen].every(isPairingCodeFormat)).toBe(true);
  });

  it('refuse a broken random source', () => {
    expect(() => generatePairingCode(() => 1)).toThrow(RangeError);
    expect(() => generatePairingCode(() => Number.NaN)).toThrow(RangeError);
  });

  it('checks the format of a reported code', () => {
    expect(isPairingCodeFormat('012345')).toBe(true);
    expect(isPairingCodeFormat('12345')).toBe(false);
    expect(isPairingCodeFormat('12345a')).toBe(false);
  });
});
