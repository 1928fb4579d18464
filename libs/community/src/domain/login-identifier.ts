// Residents sign in with a phone number or an e-mail address; both are normalized the same way
// when stored and when looked up, so "+86 138-0013-8000" and "+8613800138000" are one login.

export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  return EMAIL.test(v) && v.length <= 254 ? v : null;
}

/** Keeps digits and one leading '+'; 6–15 digits (E.164 allows at most 15). */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  return (trimmed.startsWith('+') ? '+' : '') + digits;
}

export function parseLoginIdentifier(raw: string): LoginIdentifier | null {
  if (raw.includes('@')) {
    const email = normalizeEmail(raw);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizePhone(raw);
  return phone ? { kind: 'phone', value: phone } : null;
}
