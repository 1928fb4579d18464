import { checkDeviceConfig, DeviceConfigSchema, type DeviceConfig } from './config-schema';
import type { ParseFailure } from './parse-result';
import { createPlainMessageParser } from './plain-message-parser';

export type ParseDeviceConfigResult = { ok: true; config: DeviceConfig } | ParseFailure;

const parsePlain = createPlainMessageParser(DeviceConfigSchema, checkDeviceConfig);

/** Device-side parser for the retained `ROOT/devices/<id>/config`. */
export function parseDeviceConfig(payload: Buffer | Uint8Array | string): ParseDeviceConfigResult {
  const result = parsePlain(payload);
  return result.ok ? { ok: true, config: result.value } : result;
}
