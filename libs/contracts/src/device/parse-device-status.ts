import { lazyValidator } from './compiled-validator';
import { decodeJsonPayload } from './decode-json-payload';
import { parseFailure, type ParseFailure } from './parse-result';
import { DeviceBirthSchema, DeviceWillSchema, type DeviceStatus } from './status-schema';

export type ParseDeviceStatusResult = { ok: true; status: DeviceStatus } | ParseFailure;

const validateBirth = lazyValidator(DeviceBirthSchema);
const validateWill = lazyValidator(DeviceWillSchema);

/**
 * Parser for the retained `ROOT/devices/<id>/status`: birth (`online: true`) or will (`online: false`).
 * An empty retained message (someone cleared the topic) is reported as not_json: nothing to apply.
 */
export function parseDeviceStatus(payload: Buffer | Uint8Array | string): ParseDeviceStatusResult {
  const decoded = decodeJsonPayload(payload);
  if (!decoded.ok) return decoded;
  const value = decoded.value;
  if (value.online === true) {
    return validateBirth(value) ? { ok: true, status: value } : parseFailure('invalid_data', validateBirth.lastError());
  }
  if (value.online === false) {
    return validateWill(value) ? { ok: true, status: value } : parseFailure('invalid_data', validateWill.lastError());
  }
  return parseFailure('invalid_data', value.online === undefined ? 'online: is required' : 'online: must be boolean');
}
