import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/core';
import type { RoomName, ServerEventName, ServerEventPayload } from '@app/contracts/realtime';
import { RealtimeMetrics } from '../realtime-metrics';
import { realtimeRedisKey } from './realtime-redis-key';

/** Events a module publishes to rooms; `snapshot` and `error` are per-connection, sent by the gateway. */
export type PublishableEvent = Exclude<ServerEventName, 'snapshot' | 'error'>;

const FAILURE_LOG_EVERY_MS = 10_000;

/**
 * The one way modules push to clients, from the api and the worker alike: a socket.io Redis
 * emitter on the deployment's key, which every api instance's Redis adapter listens to.
 * Call it after the database commit. Fire and forget: a realtime event is a hint that something
 * changed (the snapshot on reconnect repairs anything missed), so a Redis outage drops events,
 * counted, rather than queueing them without bound or failing the caller.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly redis: Redis;
  private readonly emitter: Emitter;
  private lastFailureLogMs = 0;
  private suppressedFailures = 0;
  // Set around each emit (the emitter publishes synchronously) so a failure is counted per event.
  private publishing: PublishableEvent | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: RealtimeMetrics,
  ) {
    this.redis = new Redis(config.redis.url, {
      connectionName: `${config.instanceId}-rt-emit`,
      // A few reconnect attempts, then the publish fails (and is counted) instead of piling up.
      maxRetriesPerRequest: 2,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5000),
    });
    this.redis.on('error', (err) => this.logFailure(`redis: ${err.message}`));
    const client = {
      publish: (channel: string, message: Buffer | string) => {
        const event = this.publishing ?? 'unknown';
        return this.redis.publish(channel, message).catch((err: Error) => {
          this.metrics.publishFailures.inc({ event });
          this.logFailure(`publish of ${event} failed: ${err.message}`);
        });
      },
    };
    this.emitter = new Emitter(client, { key: realtimeRedisKey(config.redis.keyPrefix) });
  }

  /** Emits `event` to everyone in `room` (or in any of `rooms`), on every api instance. */
  toRoom<E extends PublishableEvent>(room: RoomName | readonly RoomName[], event: E, payload: ServerEventPayload<E>): void {
    const rooms = typeof room === 'string' ? [room] : [...new Set(room)];
    // An empty room list would mean "everyone" to socket.io: never broadcast by accident.
    if (rooms.length === 0) return;
    this.publishing = event;
    try {
      this.emitter.to(rooms).emit(event, payload);
    } finally {
      this.publishing = undefined;
    }
    this.metrics.eventsEmitted.inc({ event });
  }

  async onApplicationShutdown(): Promise<void> {
    // After every other shutdown hook (modules may publish while draining).
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private logFailure(message: string): void {
    const now = Date.now();
    if (now - this.lastFailureLogMs < FAILURE_LOG_EVERY_MS) {
      this.suppressedFailures++;
      return;
    }
    this.logger.warn({ suppressed: this.suppressedFailures }, message);
    this.lastFailureLogMs = now;
    this.suppressedFailures = 0;
  }
}
