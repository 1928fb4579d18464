import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MqttClient } from 'mqtt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, MetricsService, MqttConnectionFactory } from '@app/core';
import { DropReason, parseDeviceEvent, parseDeviceTopic, sharedDeviceSubscription } from '@app/contracts';
import { redactEventData } from '../domain/redact-event-data';
import { ThrottledLog } from '../domain/throttled-log';
import { DeviceDirectory } from '../registry/device-directory.service';
import { DeviceEventDispatcher } from './device-event-dispatcher.service';
import { ReceivedMessage, takeOverAcks } from './deferred-ack-consumer';
import { EventBatchWriter } from './event-batch-writer';

export type IngestDropReason = DropReason | 'bad_topic' | 'unknown_device';

/**
 * Durable event ingestion: several MQTT connections in one shared subscription (persistent
 * sessions, QoS 1) feed one group-commit writer; each message is acknowledged only after its
 * event is stored. Invalid input is dropped, counted per reason and logged (throttled).
 */
@Injectable()
export class EventIngestor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventIngestor.name);
  private readonly clients: MqttClient[] = [];
  private readonly writer: EventBatchWriter;
  private readonly dropLog = new ThrottledLog(60_000);
  private readonly root: string;
  private readonly dropped;
  private readonly stored;
  private readonly duplicates;
  private readonly batchSize;
  private readonly commitSeconds;
  private readonly dbErrors;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() db: DataSource,
    private readonly mqtt: MqttConnectionFactory,
    private readonly directory: DeviceDirectory,
    private readonly dispatcher: DeviceEventDispatcher,
    metrics: MetricsService,
  ) {
    this.root = config.mqtt.topicRoot;
    this.dropped = metrics.counter('sc_device_messages_dropped_total', 'Device messages dropped, by reason', ['reason']);
    this.stored = metrics.counter('sc_device_events_stored_total', 'Device events stored, by type', ['type']);
    this.duplicates = metrics.counter('sc_device_events_duplicate_total', 'Redelivered or replayed events that were already stored');
    this.batchSize = metrics.histogram('sc_ingest_batch_size', 'Events per group commit', [], [1, 2, 5, 10, 20, 50, 100, 200, 500]);
    this.commitSeconds = metrics.histogram('sc_ingest_commit_seconds', 'Group commit duration', [], [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]);
    this.dbErrors = metrics.counter('sc_ingest_db_errors_total', 'Failed group commits (retried)');
    this.writer = new EventBatchWriter(db, {
      maxBatch: config.mqtt.ingestBatchSize,
      maxWaitMs: config.mqtt.ingestBatchMaxWaitMs,
      concurrency: 2,
      onCommit: ({ size, seconds }) => {
        this.batchSize.observe(size);
        this.commitSeconds.observe(seconds);
      },
      onError: (err, attempt) => {
        this.dbErrors.inc();
        if (attempt === 1 || attempt % 20 === 0) this.logger.warn(`group commit failed (attempt ${attempt}), retrying: ${err.message}`);
      },
    });
  }

  onApplicationBootstrap(): void {
    const filter = sharedDeviceSubscription(this.config.mqtt.sharedGroup, this.root, 'events');
    for (let i = 0; i < this.config.mqtt.ingestConsumers; i++) {
      const client = this.mqtt.create({ role: `ingest${i}`, persistentSession: true });
      takeOverAcks(client, (m) => this.receive(m));
      // Subscribed on every connect, even when the broker kept the session: the kept session may hold
      // another filter (the same instance id run with another topic root), and subscribing to the
      // same filter again replaces it without losing what the session queued (MQTT 3.1.1, 3.8.4).
      client.on('connect', () => {
        client.subscribe(filter, { qos: 1 }, (err) => err && this.logger.error(`subscribe ${filter}: ${err.message}`));
      });
      this.clients.push(client);
    }
    this.logger.log(`ingesting ${filter} over ${this.clients.length} connection(s)`);
  }

  async onApplicationShutdown(): Promise<void> {
    // Stop taking messages, store and acknowledge what we hold, then disconnect (persistent sessions
    // keep anything that arrives meanwhile for the next start).
    await this.writer.drain();
    this.writer.close();
    await Promise.allSettled(this.clients.map((c) => c.endAsync()));
  }

  /** Waits until everything received so far is stored and acknowledged (tests, shutdown). */
  drain(): Promise<void> {
    return this.writer.drain();
  }

  private receive(m: ReceivedMessage): void {
    const receivedAt = new Date();
    const topic = parseDeviceTopic(this.root, m.topic);
    if (!topic || topic.channel !== 'events') return this.drop(m, 'bad_topic', topic?.deviceId ?? '?', `topic ${m.topic.slice(0, 200)}`);
    const device = this.directory.get(topic.deviceId);
    if (!device) return this.drop(m, 'unknown_device', topic.deviceId, 'unknown or decommissioned device');
    const parsed = parseDeviceEvent(m.payload);
    if (!parsed.ok) return this.drop(m, parsed.reason, device.id, parsed.detail);
    const event = parsed.event;
    const afterStored: ((inserted: boolean) => void)[] = [];
    const ctx = { device, event, receivedAt, redelivered: m.dup, afterStored: (fn: (inserted: boolean) => void) => void afterStored.push(fn) };
    void this.dispatcher.dispatch(ctx).then((outcome) =>
      this.writer.add({
        deviceId: device.id,
        eventId: event.id,
        siteId: device.siteId,
        type: event.type,
        deviceTs: safeDate(event.ts, receivedAt),
        receivedAt,
        data: redactEventData(event.data as Record<string, unknown>),
        outcome,
        onStored: (inserted) => {
          m.ack();
          if (inserted) this.stored.inc({ type: event.type });
          else this.duplicates.inc();
          for (const fn of afterStored) {
            try {
              fn(inserted);
            } catch (err) {
              this.logger.error({ err, deviceId: device.id, eventId: event.id }, `after-store hook of ${event.type} failed`);
            }
          }
        },
      }),
    );
  }

  private drop(m: ReceivedMessage, reason: IngestDropReason, deviceId: string, detail: string): void {
    // A message we will never accept is acknowledged, or the broker would redeliver it forever.
    m.ack();
    this.dropped.inc({ reason });
    const suppressed = this.dropLog.admit(`${reason}:${deviceId}`, Date.now());
    if (suppressed !== null) {
      this.logger.warn({ deviceId, reason, suppressed }, `dropped device message: ${detail}`);
    }
  }
}

function safeDate(iso: string, fallback: Date): Date {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? fallback : new Date(t);
}
