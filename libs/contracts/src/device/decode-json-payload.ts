import { isUtf8 } from 'node:buffer';
import { MAX_PAYLOAD_BYTES } from './protocol-constants';
import { parseFailure, type ParseFailure } from './parse-result';

export type DecodedPayload = { ok: true; value: Record<string, unknown> } | ParseFailure;

/**
 * Size check (before any parsing), UTF-8 check, JSON.parse, and "is a JSON object".
 * Accepts a string too (tests, CLIs); MQTT hands over Buffers.
 */
export function decodeJsonPayload(payload: Buffer | Uint8Array | string): DecodedPayload {
  let text: string;
  if (typeof payload === 'string') {
    // Cheap upper bound first: a UTF-8 byte is at most 3 per UTF-16 unit.
    if (payload.length > MAX_PAYLOAD_BYTES || (payload.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)) {
      return parseFailure('too_large', `payload is over ${MAX_PAYLOAD_BYTES} bytes`);
    }
    text = payload;
  } else {
    if (payload.byteLength > MAX_PAYLOAD_BYTES) {
      return parseFailure('too_large', `payload is ${payload.byteLength} bytes, limit ${MAX_PAYLOAD_BYTES}`);
    }
    if (!isUtf8(payload)) return parseFailure('not_json', 'payload is not valid UTF-8');
    text = Buffer.isBuffer(payload) ? payload.toString('utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  }
  if (text.length === 0) return parseFailure('not_json', 'payload is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return parseFailure('not_json', `payload is not JSON: ${truncate((err as Error).message, 120)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return parseFailure('invalid_envelope', `payload must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`);
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
