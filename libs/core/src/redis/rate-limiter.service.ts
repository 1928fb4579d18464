import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

// Fixed window counter: INCR and set the expiry on first hit, atomically, and report the TTL.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

/** Redis-backed rate limits shared by every instance (login, ticket creation, websocket messages). */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: RedisService) {}

  async hit(bucket: string, key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const [n, ttl] = (await this.redis.client.eval(HIT_SCRIPT, 1, `rl:${bucket}:${key}`, String(windowSeconds * 1000))) as [number, number];
    return { allowed: n <= limit, remaining: Math.max(0, limit - n), retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  /** Peeks without counting (e.g. refuse a locked account before checking its password). */
  async peek(bucket: string, key: string, limit: number): Promise<RateDecision> {
    const k = `rl:${bucket}:${key}`;
    const [n, ttl] = await Promise.all([this.redis.client.get(k), this.redis.client.pttl(k)]);
    const count = Number(n ?? 0);
    return { allowed: count < limit, remaining: Math.max(0, limit - count), retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async reset(bucket: string, key: string): Promise<void> {
    await this.redis.client.del(`rl:${bucket}:${key}`);
  }
}
