import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { IPublishPacket, MqttClient } from 'mqtt';
import type { Counter } from 'prom-client';
import { APP_CONFIG, AppConfig, MetricsService, MqttConnectionFactory } from '@app/core';
import { deviceChannelFilter, parseDeviceStatus, parseDeviceTelemetry, parseDeviceTopic, sharedDeviceSubscription } from '@app/contracts';
import { ThrottledLog } from '../domain/throttled-log';
import { DeviceDirectory } from '../registry/device-directory.service';
import { DevicePresenceService } from './device-presence.service';

/**
 * Listens to `status` and `telemetry` of every device.
 * - status: a plain (not shared) subscription on every api instance, because Mosquitto does not
 *   replay retained messages to shared subscriptions, and the retained births/wills are how a
 *   freshly started instance learns who is connected. The SQL transitions are idempotent, so every
 *   instance handling the same message records it once.
 * - telemetry: a shared subscription, so each sample is handled by one instance.
 */
@Injectable()
export class DevicePresenceConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DevicePresenceConsumer.name);
  private readonly dropLog = new ThrottledLog(60_000);
  private readonly dropped: Counter<'channel' | 'reason'>;
  private client?: MqttClient;
  private subscribed?: Promise<void>;
  /** Status messages of one device are applied in order (a birth and a will racing would flip it). */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mqtt: MqttConnectionFactory,
    private readonly directory: DeviceDirectory,
    private readonly presence: DevicePresenceService,
    metrics: MetricsService,
  ) {
    this.dropped = metrics.counter('sc_device_feedback_dropped_total', 'Status, telemetry and ack messages dropped, by channel and reason', ['channel', 'reason']);
  }

  onApplicationBootstrap(): void {
    const root = this.config.mqtt.topicRoot;
    const filters = {
      [deviceChannelFilter(root, 'status')]: { qos: 1 as const },
      [sharedDeviceSubscription(this.config.mqtt.sharedGroup, root, 'telemetry')]: { qos: 0 as const },
    };
    const client = this.mqtt.create({ role: 'presence' });
    this.client = client;
    client.on('message', (topic, payload, packet) => this.receive(topic, payload, packet));
    this.subscribed = new Promise<void>((resolve) => {
      // Clean session: subscribe on every connect (retained statuses are replayed each time, harmlessly).
      client.on('connect', () => {
        client.subscribe(filters, (err) => {
          if (err) this.logger.error(`subscribe presence topics: ${err.message}`);
          else resolve();
        });
      });
    });
  }

  /** Resolves once the subscriptions are in place (tests; readiness). */
  ready(): Promise<void> {
    return this.subscribed ?? Promise.resolve();
  }

  /** Stops taking messages first; what is in hand is applied while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    await this.client?.endAsync();
    await Promise.allSettled([...this.chains.values()]);
  }

  private receive(topicName: string, payload: Buffer, packet: IPublishPacket): void {
    const receivedAt = new Date();
    const topic = parseDeviceTopic(this.config.mqtt.topicRoot, topicName);
    if (!topic || (topic.channel !== 'status' && topic.channel !== 'telemetry')) return this.drop('unknown', 'bad_topic', topicName.slice(0, 200));
    const { deviceId, channel } = topic;
    if (channel === 'status' && payload.length === 0) return; // a cleared retained status: nothing to apply
    if (!this.directory.get(deviceId)) return this.drop(channel, 'unknown_device', deviceId);
    if (channel === 'telemetry') {
      const parsed = parseDeviceTelemetry(payload);
      if (!parsed.ok) return this.drop(channel, parsed.reason, deviceId, parsed.detail);
      this.presence.recordTelemetry(deviceId, parsed.telemetry, receivedAt);
      return;
    }
    const parsed = parseDeviceStatus(payload);
    if (!parsed.ok) return this.drop(channel, parsed.reason, deviceId, parsed.detail);
    const retained = packet.retain === true;
    const previous = this.chains.get(deviceId) ?? Promise.resolve();
    const next = previous
      .then(() => this.presence.applyStatus(deviceId, parsed.status, retained, receivedAt))
      .catch((err: Error) => {
        const suppressed = this.dropLog.admit(`status-error:${deviceId}`, Date.now());
        if (suppressed !== null) this.logger.warn({ deviceId, suppressed }, `status of ${deviceId} not applied: ${err.message}`);
      })
      .finally(() => {
        if (this.chains.get(deviceId) === next) this.chains.delete(deviceId);
      });
    this.chains.set(deviceId, next);
  }

  private drop(channel: string, reason: string, deviceId: string, detail = ''): void {
    this.dropped.inc({ channel, reason });
    const suppressed = this.dropLog.admit(`${channel}:${reason}:${deviceId}`, Date.now());
    if (suppressed !== null) this.logger.warn({ deviceId, channel, reason, suppressed }, `dropped ${channel} message${detail ? `: ${detail}` : ''}`);
  }
}
