import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { normalizeEmail, normalizePhone } from '../../domain/login-identifier';

// Phones and e-mails become logins, so DTOs accept exactly what login normalization accepts.

export function IsLoginPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLoginPhone', validator: { validate: (v: unknown) => typeof v === 'string' && normalizePhone(v) !== null, defaultMessage: () => 'must be a phone number (6-15 digits, optional leading +)' } },
    options,
  );
}

export function IsLoginEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isLoginEmail', validator: { validate: (v: unknown) => typeof v === 'string' && normalizeEmail(v) !== null, defaultMessage: () => 'must be an e-mail address' } }, options);
}

/** Query strings carry booleans as text: 'true' / 'false' become booleans, anything else stays and fails @IsBoolean. */
export const ToBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
