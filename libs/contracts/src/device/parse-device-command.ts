import { DEVICE_COMMANDS, DeviceCommandEnvelopeSchema, type DeviceCommand } from './command-schemas';
import type { ParseFailure } from './parse-result';
import { createTypedMessageParser } from './typed-message-parser';

export type ParseDeviceCommandResult = { ok: true; command: DeviceCommand } | ParseFailure;

const parseTyped = createTypedMessageParser<typeof DeviceCommandEnvelopeSchema, DeviceCommand>(
  DeviceCommandEnvelopeSchema,
  DEVICE_COMMANDS,
);

/**
 * Device-side parser for `ROOT/devices/<id>/commands` (used by the simulator). On failure `id` is set
 * when the envelope was readable, so the device can ack UNSUPPORTED / INVALID.
 * Expiry is not checked here: see isCommandExpired.
 */
export function parseDeviceCommand(payload: Buffer | Uint8Array | string): ParseDeviceCommandResult {
  const result = parseTyped(payload);
  if (!result.ok) return result;
  const command = result.message;
  if (command.requestId !== undefined) command.requestId = command.requestId.toLowerCase();
  return { ok: true, command };
}
