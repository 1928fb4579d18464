import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import mqtt, { IClientOptions, MqttClient } from 'mqtt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface BackendClientOptions {
  /**
   * Stable role name: the client id is `<prefix>-<role>-<instance>-<root hash>` so a persistent
   * session survives restarts, and two deployments with other topic roots on one broker never take
   * over each other's sessions.
   */
  role: string;
  /** Persistent session (clean=false) for consumers that must not lose QoS 1 messages while down. */
  persistentSession?: boolean;
  /** Client id override (e.g. stable across restarts of one instance). */
  clientId?: string;
}

/** `<prefix>-<role>-<instance>-<6 hex of the topic root>` (see BackendClientOptions.role). */
export function backendClientId(config: Pick<AppConfig, 'instanceId'> & { mqtt: Pick<AppConfig['mqtt'], 'clientIdPrefix' | 'topicRoot'> }, role: string): string {
  const root = createHash('sha256').update(config.mqtt.topicRoot).digest('hex').slice(0, 6);
  return `${config.mqtt.clientIdPrefix}-${role}-${config.instanceId}`.slice(0, 120) + `-${root}`;
}

const MIN_RECONNECT_MS = 500;
const MAX_RECONNECT_MS = 15000;

/** Creates the backend's MQTT connections with its credentials and an exponential reconnect backoff. */
@Injectable()
export class MqttConnectionFactory implements OnModuleDestroy {
  private readonly logger = new Logger(MqttConnectionFactory.name);
  private readonly clients = new Set<MqttClient>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get topicRoot(): string {
    return this.config.mqtt.topicRoot;
  }

  create(opts: BackendClientOptions): MqttClient {
    const clientId = opts.clientId ?? backendClientId(this.config, opts.role);
    const options: IClientOptions = {
      clientId,
      username: this.config.mqtt.username,
      password: this.config.mqtt.password,
      protocolVersion: 4,
      clean: !opts.persistentSession,
      reconnectPeriod: MIN_RECONNECT_MS,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
      queueQoSZero: false,
    };
    const client = mqtt.connect(this.config.mqtt.url, options);
    let attempts = 0;
    // MQTT.js reconnects at a fixed period; growing it between failures gives a bounded backoff.
    client.on('close', () => {
      attempts += 1;
      client.options.reconnectPeriod = Math.min(MIN_RECONNECT_MS * 2 ** Math.min(attempts, 5), MAX_RECONNECT_MS);
    });
    client.on('connect', () => {
      // Small command messages must not wait for Nagle's algorithm (tens of ms on a gate answer).
      (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
      if (attempts > 0) this.logger.log(`mqtt ${opts.role} reconnected after ${attempts} attempt(s)`);
      attempts = 0;
      client.options.reconnectPeriod = MIN_RECONNECT_MS;
    });
    client.on('error', (err) => this.logger.warn(`mqtt ${opts.role}: ${err.message}`));
    this.clients.add(client);
    client.once('end', () => this.clients.delete(client));
    return client;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.clients].map((c) => c.endAsync()));
  }
}
