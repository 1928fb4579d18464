import type { CommandStatus } from '../commands/device-command.entity';
import { isDeliveryOver } from './command-status';

// Durable commands (config, facelib.sync) are published at once and then checked by a BullMQ job
// with exponential backoff: each check either finds the command settled or publishes it again.

/** First check after the initial publish, and the base of the exponential backoff. */
export const DURABLE_RETRY_BASE_MS = 2000;
/** Checks before BullMQ gives up (2 s · 2^11 ≈ 68 min for the last gap); the timeout sweep then settles the row. */
export const DURABLE_MAX_ATTEMPTS = 12;

export type DurableStep =
  | { action: 'done' }
  | { action: 'acked' }
  | { action: 'timeout' }
  | { action: 'superseded' }
  | { action: 'undeliverable'; code: 'DEVICE_GONE' | 'PAYLOAD_LOST' }
  /** Not now (device offline or broker down): check again later without publishing. */
  | { action: 'wait' }
  | { action: 'republish' };

export interface DurableFacts {
  status: CommandStatus;
  expiresAt: Date;
  now: Date;
  /** A newer command of the same supersede key exists for the device. */
  newerExists: boolean;
  deviceActive: boolean;
  deviceOnline: boolean;
  brokerConnected: boolean;
  /** The payload to publish is still available (face templates are kept only in Redis, with a TTL). */
  payloadAvailable: boolean;
  /** For config deliveries: the version this delivery carries and what the device reports. */
  configVersion?: number;
  reportedConfigVersion?: number | null;
}

/** What one check of a durable delivery does, in order of precedence. */
export function decideDurableStep(f: DurableFacts): DurableStep {
  if (isDeliveryOver(f.status)) return { action: 'done' };
  if (f.configVersion !== undefined && f.reportedConfigVersion != null && f.reportedConfigVersion >= f.configVersion) return { action: 'acked' };
  if (f.newerExists) return { action: 'superseded' };
  if (f.now.getTime() >= f.expiresAt.getTime()) return { action: 'timeout' };
  if (!f.deviceActive) return { action: 'undeliverable', code: 'DEVICE_GONE' };
  if (!f.payloadAvailable) return { action: 'undeliverable', code: 'PAYLOAD_LOST' };
  if (!f.deviceOnline || !f.brokerConnected) return { action: 'wait' };
  return { action: 'republish' };
}
