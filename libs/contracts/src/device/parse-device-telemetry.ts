import type { ParseFailure } from './parse-result';
import { createPlainMessageParser } from './plain-message-parser';
import { DeviceTelemetrySchema, type DeviceTelemetry } from './telemetry-schema';

export type ParseDeviceTelemetryResult = { ok: true; telemetry: DeviceTelemetry } | ParseFailure;

const parsePlain = createPlainMessageParser(DeviceTelemetrySchema);

/** Parser for `ROOT/devices/<id>/telemetry`. */
export function parseDeviceTelemetry(payload: Buffer | Uint8Array | string): ParseDeviceTelemetryResult {
  const result = parsePlain(payload);
  return result.ok ? { ok: true, telemetry: result.value } : result;
}
