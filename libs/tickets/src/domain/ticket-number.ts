// Human ticket numbers ("T-000123") shown to residents and staff. The number itself comes from a
// database sequence; this file only formats and parses it.

export const TICKET_NUMBER_PREFIX = 'T-';
const MIN_DIGITS = 6;
const PATTERN = /^T-(\d{6,})$/;

/** 123 -> 'T-000123'; numbers above 999999 simply get more digits. */
export function formatTicketNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`ticket number must be a positive integer, got ${n}`);
  return TICKET_NUMBER_PREFIX + String(n).padStart(MIN_DIGITS, '0');
}

/**
 * 'T-000123' -> 123; lenient about case and surrounding spaces (people type it into search boxes),
 * strict about everything else. Returns null for anything that is not a ticket number.
 */
export function parseTicketNumber(text: string): number | null {
  const m = PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const digits = m[1];
  // 'T-0000123' is not a canonical form of 123 (and would make two spellings of one ticket).
  if (digits.length > MIN_DIGITS && digits.startsWith('0')) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

export function isTicketNumber(text: string): boolean {
  return parseTicketNumber(text) !== null;
}
