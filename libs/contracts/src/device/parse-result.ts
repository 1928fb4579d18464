/**
 * Why an incoming device message was dropped (one metrics label per reason).
 * - too_large: body over MAX_PAYLOAD_BYTES (checked before parsing)
 * - not_json: empty, not UTF-8, or not JSON
 * - invalid_envelope: not a JSON object, or the envelope of a typed message (event/command) is wrong
 * - unknown_type: a typed message whose `type` is not in the registry
 * - invalid_data: the fields of the message (a typed message's `data`, or an ack/status/telemetry/config body) are wrong
 */
export const DROP_REASONS = ['too_large', 'not_json', 'invalid_envelope', 'unknown_type', 'invalid_data'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface ParseFailure {
  ok: false;
  reason: DropReason;
  /** Names the bad field and why; safe to log (never echoes more than a short excerpt). */
  detail: string;
  /** Set when the envelope was readable, so the caller can log or nack by id. */
  id?: string;
  type?: string;
}

export function parseFailure(reason: DropReason, detail: string, id?: string, type?: string): ParseFailure {
  const failure: ParseFailure = { ok: false, reason, detail };
  if (id !== undefined) failure.id = id;
  if (type !== undefined) failure.type = type;
  return failure;
}
