import type { Static, TSchema } from '@sinclair/typebox';
import { lazyValidator } from './compiled-validator';
import { decodeJsonPayload } from './decode-json-payload';
import { parseFailure, type ParseFailure } from './parse-result';

/** Parser for an untyped message (ack, telemetry, config): decode, schema, optional cross-field check. */
export function createPlainMessageParser<S extends TSchema>(schema: S, check?: (value: Static<S>) => string | null) {
  const validate = lazyValidator(schema);
  return function parsePlainMessage(payload: Buffer | Uint8Array | string): { ok: true; value: Static<S> } | ParseFailure {
    const decoded = decodeJsonPayload(payload);
    if (!decoded.ok) return decoded;
    const value = decoded.value;
    if (!validate(value)) return parseFailure('invalid_data', validate.lastError());
    const why = check?.(value);
    if (why) return parseFailure('invalid_data', why);
    return { ok: true, value };
  };
}
