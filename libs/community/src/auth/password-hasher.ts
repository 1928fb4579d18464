import * as argon2 from 'argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~20-40 ms here, slow for attackers.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification, so timing does not reveal which logins exist.
  dummyHash ??= argon2.hash('dummy-password-for-timing', OPTIONS);
  const h = hash ?? (await dummyHash);
  try {
    const ok = await argon2.verify(h, password);
    return ok && hash !== null;
  } catch {
    return false;
  }
}
