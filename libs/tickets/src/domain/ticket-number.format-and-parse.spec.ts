import { formatTicketNumber, isTicketNumber, parseTicketNumber } from './ticket-number';

describe('ticket numbers', () => {
  it('formats with six digits', () => {
    expect(formatTicketNumber(123)).toBe('T-000123');
    expect(formatTicketNumber(1)).toBe('T-000001');
    expect(formatTicketNumber(999999)).toBe('T-999999');
  });

  it('grows past six digits', () => {
    expect(formatTicketNumber(1234567)).toBe('T-1234567');
  });

  it('rejects non-positive and non-integer numbers', () => {
    expect(() => formatTicketNumber(0)).toThrow(RangeError);
    expect(() => formatTicketNumber(-5)).toThrow(RangeError);
    expect(() => formatTicketNumber(1.5)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    for (const n of [1, 42, 123, 999999, 1000000, 1234567]) expect(parseTicketNumber(formatTicketNumber(n))).toBe(n);
  });

  it('is lenient with case and spaces', () => {
    expect(parseTicketNumber(' t-000123 ')).toBe(123);
  });

  it('refuses anything else', () => {
    for (const s of ['T-123', '000123', 'T000123', 'T-00012a', 'T-000000', 'T-0000123', '', 'X-000123']) expect(parseTicketNumber(s)).toBeNull();
    expect(isTicketNumber('T-000123')).toBe(true);
    expect(isTicketNumber('T-12')).toBe(false);
  });
});
