export const PAIRING_CODE_LENGTH = 6;

// A uniformly drawn 6-digit code (leading zeros kept). `random` returns [0, 1); production
// injects a cryptographic source, tests a seeded one.
export function generatePairingCode(random: () => number): string {
  const draw = random();
  if (!(draw >= 0 && draw < 1)) throw new RangeError(`random() must return a number in [0, 1), got ${draw}`);
  const space = 10 ** PAIRING_CODE_LENGTH;
  return String(Math.floor(draw * space)).padStart(PAIRING_CODE_LENGTH, '0');
}

export function isPairingCodeFormat(code: string): boolean {
  return /^\d{6}$/.test(code);
}
