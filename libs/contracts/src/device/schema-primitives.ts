import { Type, type TSchema, type Static, type TUnsafe } from '@sinclair/typebox';
import { DEVICE_KINDS, type DeviceKind } from './protocol-constants';

// Small building blocks so every schema spells ids, times and enums the same way.
// Enums are `{type:'string', enum:[…]}` rather than unions of literals: one clear error message
// ("must be one of …") and a compact AsyncAPI rendering.

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const Uuid = (description?: string) => Type.String({ pattern: UUID_PATTERN, description });

/** ISO-8601 date-time with a time zone (RFC 3339), e.g. 2025-01-01T10:00:00.000Z. */
export const IsoDateTime = (description?: string) => Type.String({ format: 'date-time', description });

export function StringEnum<const T extends readonly string[]>(values: T, description?: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

/** A value that may also be null (JSON Schema `type: [X, "null"]`, no anyOf). */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type, ...rest } = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'] });
}

/** Short free text shown on a display or logged; bounded so nobody stuffs a payload into it. */
export const ShortText = (maxLength = 200, description?: string) => Type.String({ maxLength, description });

/** An opaque identifier chosen by the backend (person, session, announcement…). */
export const OpaqueId = (description?: string) => Type.String({ minLength: 1, maxLength: 128, description });

export const DeviceKindSchema = StringEnum(DEVICE_KINDS, 'gate or speaker') as TUnsafe<DeviceKind>;

export const Percent = (description?: string) => Type.Integer({ minimum: 0, maximum: 100, description });

/**
 * "Some JSON object" without a `properties` keyword. Envelopes use it for `data`: with ajv's
 * removeAdditional, an object schema that lists properties would strip everything else, and `data`
 * is checked (and stripped) by the schema of its type in a second step.
 */
export const OpenObject = (description?: string) =>
  Type.Unsafe<Record<string, unknown>>({ type: 'object', description });
