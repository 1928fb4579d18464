import { DEVICE_EVENTS, DeviceEventEnvelopeSchema, type DeviceEvent } from './event-schemas';
import type { ParseFailure } from './parse-result';
import { createTypedMessageParser } from './typed-message-parser';

export type ParseDeviceEventResult = { ok: true; event: DeviceEvent } | ParseFailure;

const parseTyped = createTypedMessageParser<typeof DeviceEventEnvelopeSchema, DeviceEvent>(
  DeviceEventEnvelopeSchema,
  DEVICE_EVENTS,
);

/**
 * The one ingress parser for `ROOT/devices/<id>/events`. Never throws. On success the event holds only
 * contract fields (unknown ones are stripped), its id is lower-cased.
 */
export function parseDeviceEvent(payload: Buffer | Uint8Array | string): ParseDeviceEventResult {
  const result = parseTyped(payload);
  return result.ok ? { ok: true, event: result.message } : result;
}
