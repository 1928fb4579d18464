import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, TokenService } from '@app/core';
import { parseClientMessage, RealtimeErrorCode, roomsForPrincipal, SnapshotPayload, SnapshotSections, type AckCallback } from '@app/contracts/realtime';
import { mergeSnapshotParts } from '../domain/merge-snapshot-parts';
import { fullBucket, takeToken, TokenBucketOptions, TokenBucketState } from '../domain/token-bucket';
import { msUntilExpiry } from '../domain/token-expiry';
import { realtimeRedisKey } from '../publisher/realtime-redis-key';
import { ClientMessageOutcome, RealtimeMetrics } from '../realtime-metrics';
import { ClientMessageRouter, ConnectionHandle } from './client-message-router.service';
import type { RealtimeServer, RealtimeSocket } from './realtime-socket';
import { SnapshotBuilder } from './snapshot-builder.service';
import { socketAuthMiddleware } from './socket-auth';

/** Per connection: a burst of 20 messages, then 5 a second. A snapshot request costs 5 (it queries). */
export const CLIENT_RATE: TokenBucketOptions = { capacity: 20, refillPerSecond: 5 };
const SNAPSHOT_REQUEST_COST = 5;
/** One RATE_LIMITED error a second is enough to tell a flooding client; the rest are only counted. */
const RATE_ERROR_EVERY_MS = 1000;
/** A client that keeps sending while refused is broken or hostile: disconnect it. */
export const MAX_REFUSED_IN_A_ROW = 100;

interface ConnectionState extends ConnectionHandle {
  bucket: TokenBucketState;
  refusedInARow: number;
  lastRateErrorMs: number;
  /** Versions this connection's snapshots and errors. */
  seq: number;
  expiryTimer?: NodeJS.Timeout;
}

/**
 * The api side of realtime: Redis adapter and handshake auth on the server, then per connection
 * its rooms, its token expiry, its message budget, and its snapshots.
 */
@Injectable()
export class RealtimeConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeConnections.name);
  private readonly connections = new Map<string, ConnectionState>();
  private readonly redisClients: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly router: ClientMessageRouter,
    private readonly snapshots: SnapshotBuilder,
    private readonly metrics: RealtimeMetrics,
  ) {}

  /** Called once the socket.io server exists (gateway afterInit). */
  attach(server: RealtimeServer): void {
    const pub = this.redis('rt-adapter-pub');
    const sub = this.redis('rt-adapter-sub');
    server.adapter(createAdapter(pub, sub, { key: realtimeRedisKey(this.config.redis.keyPrefix), requestsTimeout: 5000 }));
    server.use(socketAuthMiddleware(this.tokens, (code) => this.metrics.handshakesRejected.inc({ code })));
  }

  /** A connection passed the handshake: join its rooms, arm its expiry, listen, send the snapshot. */
  accept(socket: RealtimeSocket): void {
    const { principal, expiresAt } = socket.data;
    const now = Date.now();
    const state: ConnectionState = {
      socket,
      principal,
      bucket: fullBucket(CLIENT_RATE, now),
      refusedInARow: 0,
      lastRateErrorMs: 0,
      seq: 0,
      sendSnapshot: (reason, topic) => this.sendSnapshot(state, reason, topic),
    };
    this.connections.set(socket.id, state);
    this.metrics.connectedSockets.inc();
    // Synchronous with the connection event: no client message or published event can come first.
    void socket.join(roomsForPrincipal(principal));
    state.expiryTimer = setTimeout(() => this.expire(state), msUntilExpiry(new Date(expiresAt), now));
    state.expiryTimer.unref();
    // socket.io emits 'error' on the socket for an undecodable frame, and a client may even send an
    // event named "error": with no listener, Node's EventEmitter would throw it and crash the process.
    socket.on('error', (err: unknown) => this.logger.debug(`socket error: ${err instanceof Error ? err.message : 'client sent an "error" event'}`));
    socket.onAny((event: unknown, ...args: unknown[]) => void this.onMessage(state, event, args));
    void this.sendSnapshot(state, 'connect');
  }

  release(socket: RealtimeSocket): void {
    const state = this.connections.get(socket.id);
    if (!state) return;
    clearTimeout(state.expiryTimer);
    this.connections.delete(socket.id);
    this.metrics.connectedSockets.dec();
  }

  async onApplicationShutdown(): Promise<void> {
    // After Nest closed the socket.io server (and with it the adapter), so nothing uses these any more.
    for (const s of this.connections.values()) clearTimeout(s.expiryTimer);
    await Promise.allSettled(this.redisClients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private async onMessage(state: ConnectionState, event: unknown, args: unknown[]): Promise<void> {
    const label = typeof event === 'string' && /^[a-z.]{1,32}$/.test(event) ? event : 'other';
    const count = (outcome: ClientMessageOutcome) => this.metrics.clientMessages.inc({ event: outcome === 'unknown_event' ? 'other' : label, outcome });
    try {
      const now = Date.now();
      const taken = takeToken(state.bucket, CLIENT_RATE, now, event === 'snapshot.request' ? SNAPSHOT_REQUEST_COST : 1);
      state.bucket = taken.state;
      const lastArg = args[args.length - 1];
      const ack = typeof lastArg === 'function' ? (lastArg as AckCallback) : undefined;
      if (!taken.allowed) {
        count('rate_limited');
        state.refusedInARow++;
        const message = `too many messages; retry in ${taken.retryAfterMs} ms`;
        ack?.({ ok: false, error: { code: 'RATE_LIMITED', message } });
        if (now - state.lastRateErrorMs >= RATE_ERROR_EVERY_MS) {
          state.lastRateErrorMs = now;
          this.sendError(state, 'RATE_LIMITED', message, typeof event === 'string' ? label : undefined, taken.retryAfterMs);
        }
        if (state.refusedInARow >= MAX_REFUSED_IN_A_ROW) {
          this.logger.warn({ accountId: state.principal.accountId }, 'disconnecting a socket that kept flooding');
          state.socket.disconnect(true);
        }
        return;
      }
      state.refusedInARow = 0;
      const parsed = parseClientMessage(event, args);
      if (!parsed.ok) {
        count(parsed.code === 'UNKNOWN_EVENT' ? 'unknown_event' : 'invalid');
        parsed.ack?.({ ok: false, error: { code: parsed.code, message: parsed.message } });
        this.sendError(state, parsed.code, parsed.message, parsed.event);
        return;
      }
      const result = await this.router.handle(state, parsed.message);
      count(result.ok ? 'ok' : result.error.code === 'INTERNAL' ? 'failed' : 'refused');
      if (!result.ok) this.sendError(state, result.error.code, result.error.message, parsed.message.event);
      parsed.ack?.(result);
    } catch (err) {
      // Last line of defence: a bug here must not take the process (or other clients) down.
      count('failed');
      this.logger.error({ err }, 'realtime message handling failed');
      this.sendError(state, 'INTERNAL', 'Something went wrong; try again');
    }
  }

  private async sendSnapshot(state: ConnectionState, reason: SnapshotPayload['reason'], topic?: { name: string; load: () => Promise<Partial<SnapshotSections>> }): Promise<void> {
    try {
      const rooms = [...state.socket.rooms].filter((r) => r !== state.socket.id);
      const merged = topic ? mergeSnapshotParts([await this.snapshots.run(topic.name, topic.load)]) : await this.snapshots.build(state.principal, { rooms });
      if (!state.socket.connected) return;
      const payload: SnapshotPayload = { id: randomUUID(), version: ++state.seq, at: new Date().toISOString(), reason, rooms, ...merged.sections };
      if (merged.unavailable.length) payload.unavailable = merged.unavailable;
      state.socket.emit('snapshot', payload);
    } catch (err) {
      this.logger.error({ err }, 'snapshot failed');
      this.sendError(state, 'INTERNAL', 'snapshot unavailable; ask again with snapshot.request');
    }
  }

  private sendError(state: ConnectionState, code: RealtimeErrorCode | string, message: string, event?: string, retryAfterMs?: number): void {
    if (!state.socket.connected) return;
    state.socket.emit('error', {
      id: randomUUID(),
      version: ++state.seq,
      at: new Date().toISOString(),
      code,
      message,
      ...(event !== undefined ? { event } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }

  private expire(state: ConnectionState): void {
    this.sendError(state, 'TOKEN_EXPIRED', 'Access token expired; reconnect with a fresh one');
    state.socket.disconnect(true);
  }

  private redis(name: string): Redis {
    const c = new Redis(this.config.redis.url, {
      connectionName: `${this.config.instanceId}-${name}`,
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5000),
    });
    c.on('error', (err) => this.logger.warn(`redis ${name}: ${err.message}`));
    this.redisClients.push(c);
    return c;
  }
}
