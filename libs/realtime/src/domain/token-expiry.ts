// setTimeout keeps delays in a signed 32-bit int; anything longer fires at once. Access tokens live
// at most a day, but clamp anyway so a long TTL can never turn into an immediate disconnect.
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds until the token expires (0 when it already has), clamped to what a timer can hold. */
export function msUntilExpiry(expiresAt: Date, nowMs: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - nowMs));
}
