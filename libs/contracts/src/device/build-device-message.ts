import type { DeviceAck } from './ack-schema';
import type { DeviceEvent, DeviceEventDataMap, DeviceEventType } from './event-schemas';
import type { DeviceKind } from './protocol-constants';
import type { DeviceBirth, DeviceWill } from './status-schema';

// Builders for what a device sends (used by the simulator and by tests). Ids come from the caller
// so a device can keep the same id across re-sends.

export function buildDeviceEvent<T extends DeviceEventType>(
  type: T,
  data: DeviceEventDataMap[T],
  options: { id: string; now: number | Date },
): DeviceEvent<T> {
  return { id: options.id, type, ts: toIso(options.now), data } as DeviceEvent<T>;
}

export function buildDeviceAckOk(commandId: string, now: number | Date, data?: Record<string, unknown>): DeviceAck {
  return data === undefined ? { commandId, ok: true, ts: toIso(now) } : { commandId, ok: true, ts: toIso(now), data };
}

export function buildDeviceAckError(commandId: string, code: string, message: string, now: number | Date): DeviceAck {
  return { commandId, ok: false, ts: toIso(now), error: { code, message } };
}

export function buildDeviceBirth(kind: DeviceKind, fw: string, now: number | Date): DeviceBirth {
  return { online: true, kind, fw, ts: toIso(now) };
}

/** The Last Will body. Fixed at connect time, so it carries no timestamp. */
export const DEVICE_WILL: Readonly<DeviceWill> = Object.freeze({ online: false });

function toIso(now: number | Date): string {
  return (typeof now === 'number' ? new Date(now) : now).toISOString();
}
