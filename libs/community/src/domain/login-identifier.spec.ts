import { normalizeEmail, normalizePhone, parseLoginIdentifier } from './login-identifier';

describe('login identifiers', () => {
  it('treats differently formatted phone numbers as one login', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('+8613800138000');
    expect(normalizePhone('+8613800138000')).toBe('+8613800138000');
    expect(normalizePhone('(010) 6552-9988')).toBe('01065529988');
  });

  it('rejects phone numbers that are too short, too long or contain letters', () => {
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('1234567890123456')).toBeNull();
    expect(normalizePhone('138abc00138')).toBeNull();
    expect(normalizePhone('')).toBeNull();
  });

  it('lower-cases e-mail addresses and rejects malformed ones', () => {
    expect(normalizeEmail('  Li.Wei@Example.COM ')).toBe('li.wei@example.com');
    expect(normalizeEmail('no-at-sign.example.com')).toBeNull();
    expect(normalizeEmail('a@b')).toBeNull();
  });

  it('decides between e-mail and phone by the @ sign', () => {
    expect(parseLoginIdentifier('Admin@Demo.Community')).toEqual({ kind: 'email', value: 'admin@demo.community' });
    expect(parseLoginIdentifier('13800138000')).toEqual({ kind: 'phone', value: '13800138000' });
    expect(parseLoginIdentifier('not a login')).toBeNull();
    expect(parseLoginIdentifier('broken@')).toBeNull();
  });
});
