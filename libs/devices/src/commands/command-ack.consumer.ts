import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { MqttClient } from 'mqtt';
import type { Counter } from 'prom-client';
import { APP_CONFIG, AppConfig, MetricsService, MqttConnectionFactory } from '@app/core';
import { parseDeviceAck, parseDeviceTopic, sharedDeviceSubscription } from '@app/contracts';
import { ThrottledLog } from '../domain/throttled-log';
import { DeviceDirectory } from '../registry/device-directory.service';
import { DeviceCommandService } from './device-command.service';

/** Consumes `$share/<group>/ROOT/devices/+/acks`: each ack is handled by one api instance. */
@Injectable()
export class CommandAckConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CommandAckConsumer.name);
  private readonly dropLog = new ThrottledLog(60_000);
  private readonly dropped: Counter<'channel' | 'reason'>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private client?: MqttClient;
  private subscribed?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mqtt: MqttConnectionFactory,
    private readonly directory: DeviceDirectory,
    private readonly commands: DeviceCommandService,
    metrics: MetricsService,
  ) {
    this.dropped = metrics.counter('sc_device_feedback_dropped_total', 'Status, telemetry and ack messages dropped, by channel and reason', ['channel', 'reason']);
  }

  onApplicationBootstrap(): void {
    const filter = sharedDeviceSubscription(this.config.mqtt.sharedGroup, this.config.mqtt.topicRoot, 'acks');
    const client = this.mqtt.create({ role: 'acks' });
    this.client = client;
    client.on('message', (topic, payload) => this.receive(topic, payload));
    this.subscribed = new Promise<void>((resolve) => {
      client.on('connect', () =>
        client.subscribe(filter, { qos: 1 }, (err) => {
          if (err) this.logger.error(`subscribe ${filter}: ${err.message}`);
          else resolve();
        }),
      );
    });
  }

  /** Resolves once the subscription is in place (tests; readiness). */
  ready(): Promise<void> {
    return this.subscribed ?? Promise.resolve();
  }

  /** Stops taking messages first; what is in hand is applied while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    await this.client?.endAsync();
    await Promise.allSettled([...this.inFlight]);
  }

  private receive(topicName: string, payload: Buffer): void {
    const receivedAt = new Date();
    const topic = parseDeviceTopic(this.config.mqtt.topicRoot, topicName);
    if (!topic || topic.channel !== 'acks') return this.drop('bad_topic', topicName.slice(0, 200));
    if (!this.directory.get(topic.deviceId)) return this.drop('unknown_device', topic.deviceId);
    const parsed = parseDeviceAck(payload);
    if (!parsed.ok) return this.drop(parsed.reason, topic.deviceId, parsed.detail);
    const work = this.commands
      .applyAck(topic.deviceId, parsed.ack, receivedAt)
      .catch((err: Error) => {
        const suppressed = this.dropLog.admit(`ack-error`, Date.now());
        if (suppressed !== null) this.logger.warn({ suppressed }, `ack of ${topic.deviceId} not applied: ${err.message}`);
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private drop(reason: string, deviceId: string, detail = ''): void {
    this.dropped.inc({ channel: 'acks', reason });
    const suppressed = this.dropLog.admit(`${reason}:${deviceId}`, Date.now());
    if (suppressed !== null) this.logger.warn({ deviceId, reason, suppressed }, `dropped ack${detail ? `: ${detail}` : ''}`);
  }
}
