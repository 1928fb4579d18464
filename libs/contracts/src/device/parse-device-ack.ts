import { checkDeviceAck, DeviceAckSchema, type DeviceAck } from './ack-schema';
import type { ParseFailure } from './parse-result';
import { createPlainMessageParser } from './plain-message-parser';

export type ParseDeviceAckResult = { ok: true; ack: DeviceAck } | ParseFailure;

const parsePlain = createPlainMessageParser(DeviceAckSchema, checkDeviceAck);

/** Parser for `ROOT/devices/<id>/acks`. commandId is lower-cased like every uuid we store. */
export function parseDeviceAck(payload: Buffer | Uint8Array | string): ParseDeviceAckResult {
  const result = parsePlain(payload);
  if (!result.ok) return result;
  result.value.commandId = result.value.commandId.toLowerCase();
  return { ok: true, ack: result.value };
}
