import type { DeviceStatusPayload } from '@app/contracts/realtime';

/** A presence transition (from the devices lib) or a device row, whichever we have. */
export interface DeviceStatusFacts {
  deviceId: string;
  siteId: string;
  kind: 'gate' | 'speaker';
  online: boolean;
  /** When the device last went online or offline; null for a device that never reported. */
  changedAt: Date | null;
  reason?: string;
  name?: string;
}

/**
 * `device.status` payload. The version is the transition time in epoch ms: the devices lib only
 * ever moves `onlineChangedAt` forward, so a live event and a snapshot row of the same transition
 * carry the same version and the client keeps one of them.
 */
export function toDeviceStatusPayload(f: DeviceStatusFacts): DeviceStatusPayload {
  const changedMs = f.changedAt ? f.changedAt.getTime() : 0;
  const payload: DeviceStatusPayload = {
    id: f.deviceId,
    version: changedMs,
    at: new Date(changedMs).toISOString(),
    siteId: f.siteId,
    kind: f.kind,
    online: f.online,
  };
  if (f.reason !== undefined) payload.reason = f.reason;
  if (f.name !== undefined) payload.name = f.name;
  return payload;
}
