import type { Static, TSchema } from '@sinclair/typebox';
import { compileValidator, lazyValidator, type CompiledValidator } from './compiled-validator';
import { decodeJsonPayload, truncate } from './decode-json-payload';
import type { AnyRegistryEntry } from './message-registry-entry';
import { parseFailure, type ParseFailure } from './parse-result';

// Shared machinery for the two typed message families (events and commands): decode, envelope,
// registry lookup, data schema, cross-field check. Validators compile on first use, all at once.

type Registry = Readonly<Record<string, AnyRegistryEntry>>;

interface CompiledEntry {
  validate: CompiledValidator<TSchema>;
  check?: (data: never) => string | null;
}

export type TypedParseSuccess<E> = { ok: true; message: E };

export function createTypedMessageParser<Env extends TSchema, E>(envelopeSchema: Env, registry: Registry) {
  const validateEnvelope = lazyValidator(envelopeSchema);
  // Plain boolean signature: a failed type guard on a generic type would narrow `raw` to never.
  const envelopeOk: (value: unknown) => boolean = validateEnvelope;
  let compiled: Map<string, CompiledEntry> | undefined;

  const entries = (): Map<string, CompiledEntry> => {
    if (!compiled) {
      compiled = new Map();
      for (const [type, entry] of Object.entries(registry)) {
        compiled.set(type, { validate: compileValidator(entry.schema), check: entry.check });
      }
    }
    return compiled;
  };

  return function parseTypedMessage(payload: Buffer | Uint8Array | string): TypedParseSuccess<E> | ParseFailure {
    const decoded = decodeJsonPayload(payload);
    if (!decoded.ok) return decoded;
    const raw = decoded.value;
    if (!envelopeOk(raw)) {
      const id = typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : undefined;
      return parseFailure('invalid_envelope', validateEnvelope.lastError(), id);
    }
    const env = raw as Static<Env> & { id: string; type: string; data: Record<string, unknown> };
    // uuids compare case-insensitively; store one spelling so (deviceId, id) stays unique.
    env.id = env.id.toLowerCase();
    const entry = entries().get(env.type);
    if (!entry) return parseFailure('unknown_type', `type: "${truncate(env.type, 64)}" is not a known type`, env.id, env.type);
    if (!entry.validate(env.data)) return parseFailure('invalid_data', entry.validate.lastError('data'), env.id, env.type);
    const why = entry.check?.(env.data as never);
    if (why) return parseFailure('invalid_data', why, env.id, env.type);
    return { ok: true, message: env as unknown as E };
  };
}
