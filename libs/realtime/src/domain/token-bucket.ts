// Per-connection message budget: `capacity` tokens at once, refilled at `refillPerSecond`.
// In memory on purpose: a socket lives on one instance, and a Redis round trip per client
// message would cost more than the message itself.

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
}

export interface TokenBucketState {
  tokens: number;
  updatedAtMs: number;
}

export type TakeResult = { allowed: true; state: TokenBucketState } | { allowed: false; state: TokenBucketState; retryAfterMs: number };

export function fullBucket(opts: TokenBucketOptions, nowMs: number): TokenBucketState {
  return { tokens: opts.capacity, updatedAtMs: nowMs };
}

/** Takes `cost` tokens if there are that many. Pure: returns the next state. A clock going backwards refills nothing. */
export function takeToken(state: TokenBucketState, opts: TokenBucketOptions, nowMs: number, cost = 1): TakeResult {
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  const tokens = Math.min(opts.capacity, state.tokens + (elapsedMs / 1000) * opts.refillPerSecond);
  const updatedAtMs = Math.max(nowMs, state.updatedAtMs);
  if (tokens >= cost) return { allowed: true, state: { tokens: tokens - cost, updatedAtMs } };
  const retryAfterMs = Math.ceil(((cost - tokens) / opts.refillPerSecond) * 1000);
  return { allowed: false, state: { tokens, updatedAtMs }, retryAfterMs };
}
