import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '@app/core';
import { RecentKeys, type AccessOutcome, type ScanClaim } from '../domain';

/** How long a scan's claim (and its outcome) is remembered; older redeliveries are caught as stale. */
const CLAIM_TTL_MS = 10 * 60 * 1000;
/** The gate must not wait on a slow Redis: past this, the claim is 'unknown'. */
const CLAIM_TIMEOUT_MS = 50;
/** After a claim failed or timed out, Redis is presumed down for this long and waited on only briefly. */
const DEGRADED_FOR_MS = 1000;
const DEGRADED_TIMEOUT_MS = 2;
/** A door opening within this of a grant is expected (not forced). */
const GRANT_WINDOW_MS = 20_000;
/** Scan keys this instance remembers (at least half: about five minutes of 200 scans/s). */
const MAX_LOCAL_SCANS = 120_000;

export interface ScanClaimHandle {
  /** Known once Redis answered (or at once for a scan seen here before). */
  readonly result: ScanClaim | undefined;
  readonly settled: Promise<ScanClaim>;
}

/**
 * Redis bookkeeping of the hot path: one claim per (gate, event) so a scan gets at most one door
 * command across redeliveries and instances (with a local memory of the scans seen here), the outcome of claimed scans (a redelivery stores the
 * original answer), and recent grants (a door opening without one was forced).
 * All on the one command connection, so the order of writes and reads is kept.
 */
@Injectable()
export class ScanClaims {
  private readonly logger = new Logger(ScanClaims.name);
  private readonly recent = new RecentKeys(MAX_LOCAL_SCANS, CLAIM_TTL_MS);
  private degradedUntil = 0;

  constructor(private readonly redis: RedisService) {}

  /**
   * Starts the claim at once (SET NX). `result` is filled in as soon as Redis answers, so a caller
   * that has finished deciding can see whether it is known without waiting; `settled` waits.
   * A scan this instance has already taken in hand is 'taken' at once, without Redis.
   */
  claim(deviceId: string, eventId: string): ScanClaimHandle {
    const key = this.key(deviceId, eventId);
    if (this.seen(key)) return { result: 'taken', settled: Promise.resolve('taken') };
    // One promise, settled by whichever comes first (the reply or the timeout): on the hot path every
    // extra promise hop is paid again, with the logger's async-context hooks on each.
    let resolve!: (claim: ScanClaim) => void;
    const handle: { result: ScanClaim | undefined; settled: Promise<ScanClaim> } = { result: undefined, settled: new Promise<ScanClaim>((r) => (resolve = r)) };
    const finish = (claim: ScanClaim): void => {
      if (handle.result !== undefined) return;
      handle.result = claim;
      clearTimeout(timer);
      resolve(claim);
    };
    // While Redis is presumed down every scan would otherwise pay the full timeout.
    const wait = Date.now() < this.degradedUntil ? DEGRADED_TIMEOUT_MS : CLAIM_TIMEOUT_MS;
    const timer = setTimeout(() => finish(this.degraded()), wait);
    this.redis.client.set(key, '', 'PX', CLAIM_TTL_MS, 'NX', (err, r) => finish(err ? this.degraded() : r === 'OK' ? 'claimed' : 'taken'));
    return handle;
  }

  private degraded(): ScanClaim {
    this.degradedUntil = Date.now() + DEGRADED_FOR_MS;
    return 'unknown';
  }

  /** Remembers a scan key locally (bounded); true when it was already there. */
  private seen(key: string): boolean {
    return this.recent.seenOrNote(key, Date.now());
  }

  /** Remembers what this scan got, for a redelivery to store the same answer. Fire and forget. */
  answered(deviceId: string, eventId: string, outcome: AccessOutcome): void {
    this.redis.client.set(this.key(deviceId, eventId), JSON.stringify(outcome), 'PX', CLAIM_TTL_MS, 'XX').catch((err: Error) => this.logger.debug(`outcome not kept: ${err.message}`));
  }

  async previous(deviceId: string, eventId: string): Promise<AccessOutcome | null> {
    try {
      const raw = await this.redis.client.get(this.key(deviceId, eventId));
      return raw ? (JSON.parse(raw) as AccessOutcome) : null;
    } catch {
      return null;
    }
  }

  /**
   * Notes that the gate is being told to open, in the tick its command is written to the broker (so
   * not on the gate's wait): the door's `open` comes back through the broker and ingestion in a later
   * tick and reads on this same connection, after this write. Fire and forget.
   */
  noteGrant(deviceId: string): void {
    this.redis.client.set(this.grantKey(deviceId), String(Date.now()), 'PX', GRANT_WINDOW_MS).catch(() => undefined);
  }

  async recentlyGranted(deviceId: string): Promise<boolean> {
    return (await this.redis.client.exists(this.grantKey(deviceId))) === 1;
  }

  private grantKey(deviceId: string): string {
    return `access:granted:${deviceId}`;
  }

  private key(deviceId: string, eventId: string): string {
    return `access:scan:${deviceId}:${eventId}`;
  }
}
