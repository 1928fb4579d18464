import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

type Handler = (message: string) => void;

/**
 * Redis access for the whole process: one command connection whose keys carry the deployment's
 * prefix, and one subscriber connection for cross-instance pub/sub (channels carry the prefix too,
 * since ioredis does not prefix channels).
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;
  private subscriber?: Redis;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly extra: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = this.connect('cmd', { keyPrefix: `${config.redis.keyPrefix}:` });
  }

  /** The key prefix without the trailing colon (BullMQ and socket.io take it as their own option). */
  get prefix(): string {
    return this.config.redis.keyPrefix;
  }

  /** A new connection (BullMQ workers, adapters); closed with the module. */
  connect(name: string, extra: RedisOptions = {}): Redis {
    const c = new Redis(this.config.redis.url, {
      connectionName: `${this.config.instanceId}-${name}`,
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5000),
      ...extra,
    });
    c.on('error', (err) => this.logger.warn(`redis ${name}: ${err.message}`));
    if (name !== 'cmd') this.extra.push(c);
    return c;
  }

  channel(name: string): string {
    return `${this.config.redis.keyPrefix}:${name}`;
  }

  async publish(name: string, message: string): Promise<void> {
    await this.client.publish(this.channel(name), message);
  }

  /** Subscribes to a prefixed channel; returns an unsubscribe function. */
  async subscribe(name: string, handler: Handler): Promise<() => Promise<void>> {
    if (!this.subscriber) {
      this.subscriber = this.connect('sub');
      this.subscriber.on('message', (ch: string, msg: string) => {
        for (const h of this.handlers.get(ch) ?? []) {
          try {
            h(msg);
          } catch (err) {
            this.logger.error({ err }, `handler of ${ch} failed`);
          }
        }
      });
    }
    const ch = this.channel(name);
    let set = this.handlers.get(ch);
    if (!set) {
      set = new Set();
      this.handlers.set(ch, set);
      await this.subscriber.subscribe(ch);
    }
    set.add(handler);
    return async () => {
      set!.delete(handler);
      if (set!.size === 0) {
        this.handlers.delete(ch);
        await this.subscriber?.unsubscribe(ch);
      }
    };
  }

  async ping(): Promise<boolean> {
    return (await this.client.ping()) === 'PONG';
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.client, this.subscriber, ...this.extra].filter((c): c is Redis => !!c).map((c) => c.quit()));
  }
}
