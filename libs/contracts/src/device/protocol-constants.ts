// Limits and defaults shared by the backend and every device (PROTOCOL.md is the source of truth).

/** Largest message body either side accepts; checked before JSON.parse so huge bodies cost nothing. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** The topic root unless configured otherwise; tests use their own to isolate a run. */
export const DEFAULT_TOPIC_ROOT = 'sc/v1';

/** Devices must send telemetry at least this often; presence treats 3 missed periods as offline. */
export const MAX_TELEMETRY_PERIOD_MS = 30_000;

/** A device silent for this many telemetry periods is offline. */
export const OFFLINE_AFTER_TELEMETRY_PERIODS = 3;

export const DEVICE_KINDS = ['gate', 'speaker'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Error codes a device puts in a failed ack. Open set: a device may send others (pattern checked). */
export const AckErrorCode = {
  /** expiresAt had passed by the device's clock; the command was not executed. */
  Expired: 'EXPIRED',
  /** The device does not know this command type. */
  Unsupported: 'UNSUPPORTED',
  /** The command's data failed validation on the device. */
  Invalid: 'INVALID',
  /** The gate is in lockdown and refuses to open. */
  Lockdown: 'LOCKDOWN',
  /** The device is busy (e.g. another pairing in progress). */
  Busy: 'BUSY',
  /** Anything else that went wrong while executing. */
  Failed: 'FAILED',
  /** Extension: a facelib.sync chunk > 0 of a version the gate is not staging (it lost the earlier ones). */
  ChunkOutOfOrder: 'CHUNK_OUT_OF_ORDER',
} as const;
export type AckErrorCode = (typeof AckErrorCode)[keyof typeof AckErrorCode];
