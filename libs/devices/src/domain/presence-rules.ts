import { OFFLINE_AFTER_TELEMETRY_PERIODS } from '@app/contracts';

// Presence: a retained birth/Last-Will on `status` plus telemetry as a heartbeat. Pure rules; the
// presence store turns them into idempotent SQL.

/** How long a device may stay silent before it counts as offline. */
export function offlineAfterMs(telemetryPeriodSeconds: number): number {
  return OFFLINE_AFTER_TELEMETRY_PERIODS * telemetryPeriodSeconds * 1000;
}

/** Devices last seen before this instant are silent (offline). */
export function silenceCutoff(now: Date, telemetryPeriodSeconds: number): Date {
  return new Date(now.getTime() - offlineAfterMs(telemetryPeriodSeconds));
}

/** True when a device last seen at `lastSeenAt` has been silent for more than 3 telemetry periods. */
export function isSilent(lastSeenAt: Date | null, now: Date, telemetryPeriodSeconds: number): boolean {
  return lastSeenAt === null || lastSeenAt.getTime() < silenceCutoff(now, telemetryPeriodSeconds).getTime();
}

export type StatusPlan =
  /** Mark online (if offline). `seenSince`: only when the device was heard from after it. */
  | { action: 'online'; reason: 'birth'; touchLastSeen: boolean; seenSince: Date | null }
  | { action: 'offline'; reason: 'will' };

/**
 * What a status message means. A live birth is proof of life. A retained birth is replayed by the
 * broker when we subscribe and may be hours old (a device that lost power after a clean session
 * leaves no will), so it only confirms a device heard from recently; anything else waits for the
 * device's next telemetry, which comes within one period. A will, live or retained, means the
 * device's connection is gone: a reconnect would have replaced it with a new birth.
 */
export function planStatusMessage(
  status: { online: boolean },
  retained: boolean,
  now: Date,
  telemetryPeriodSeconds: number,
): StatusPlan {
  if (!status.online) return { action: 'offline', reason: 'will' };
  if (!retained) return { action: 'online', reason: 'birth', touchLastSeen: true, seenSince: null };
  return { action: 'online', reason: 'birth', touchLastSeen: false, seenSince: silenceCutoff(now, telemetryPeriodSeconds) };
}
