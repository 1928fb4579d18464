import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import {
  AckErrorCode,
  buildDeviceAckError,
  buildDeviceAckOk,
  buildDeviceBirth,
  buildDeviceEvent,
  DEFAULT_TOPIC_ROOT,
  DEVICE_WILL,
  deviceTopic,
  MAX_TELEMETRY_PERIOD_MS,
  parseDeviceCommand,
  parseDeviceConfig,
  type DeviceAck,
  type DeviceCommand,
  type DeviceCommandType,
  type DeviceConfig,
  type DeviceEventDataMap,
  type DeviceEventType,
  type DeviceKind,
  type DeviceTelemetry,
} from '@app/contracts';
import { EventOutbox, type OutboxItem } from '../outbox/event-outbox';
import { SimRandom } from '../random/sim-random';
import type { CommandHandler, CommandOutcome } from './command-outcome';
import { ConfigTracker } from './config-tracker';
import { evaluateCommand } from './evaluate-command';
import { RecentResults } from './recent-results';
import type { SimDeviceOptions, SimDeviceStats, SimFaults } from './sim-device-options';

/** Hooks for scenarios and subclasses: what happened on this device. */
export interface SimDeviceEvents {
  connected: [{ sessionPresent: boolean }];
  disconnected: [{ reason: string }];
  'event-queued': [{ id: string; type: DeviceEventType }];
  'event-acked': [{ id: string }];
  command: [{ command: DeviceCommand; outcome: CommandOutcome }];
  'command-rejected': [{ commandId: string; code: string; message: string }];
  config: [{ config: DeviceConfig }];
  error: [Error];
}

export type SimDeviceStatus = 'idle' | 'connecting' | 'online' | 'offline' | 'stopped';

const MAX_RECONNECT_DELAY_MS = 15_000;

/**
 * A generic device over MQTT, the way PROTOCOL.md wants a real one to behave: own credentials,
 * persistent session, retained birth and Last Will, telemetry, at-least-once events through an
 * outbox, commands with expiry and acks, retained versioned config.
 *
 * One MQTT.js client per connection, with its reconnect and in-flight re-send turned off: this class
 * decides what is re-sent and in which order. With clean=false MQTT.js neither fails nor replays a
 * QoS 1 publish that was in flight when the socket closed, so an item leaves the outbox only when
 * its publish callback reports the PUBACK; whatever was in flight is re-sent by us on reconnect.
 *
 * Extension points: `handleCommand(type, fn)` (SimGate/SimSpeaker register theirs; scenarios may
 * replace them), the protected hooks `onConfigApplied` and `telemetryState`, and the typed events.
 */
export class SimDevice extends EventEmitter<SimDeviceEvents> {
  readonly deviceId: string;
  readonly kind: DeviceKind;
  readonly topicRoot: string;
  readonly random: SimRandom;
  protected readonly faults: Required<SimFaults>;
  protected readonly configTracker = new ConfigTracker();
  protected readonly outbox: EventOutbox;

  private readonly options: SimDeviceOptions;
  private readonly baseNow: () => number;
  private readonly idFactory: () => string;
  private readonly telemetryPeriodMs: number;
  private readonly maxInFlight: number;
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly results = new RecentResults<DeviceAck>();
  private readonly faultRandom: SimRandom;
  private readonly topics: Record<'status' | 'events' | 'telemetry' | 'acks' | 'commands' | 'config', string>;

  private client: MqttClient | null = null;
  private generation = 0;
  private state: SimDeviceStatus = 'idle';
  private reconnectTimer: NodeJS.Timeout | null = null;
  private telemetryTimer: NodeJS.Timeout | null = null;
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private reconnectAttempts = 0;
  private offlineUntil = 0;
  private startedAt = 0;
  private onlineWaiters: Array<() => void> = [];
  private readonly counters: Omit<SimDeviceStats, 'deviceId' | 'kind' | 'online' | 'configVersion' | 'outboxSize' | 'outboxDropped'> = {
    connects: 0,
    disconnects: 0,
    authFailures: 0,
    eventsQueued: 0,
    eventsSent: 0,
    eventsAcked: 0,
    eventsResent: 0,
    duplicatesSent: 0,
    acksQueued: 0,
    acksSent: 0,
    acksAcked: 0,
    commandsReceived: 0,
    commandsExecuted: 0,
    commandsExpired: 0,
    commandsRejected: 0,
    commandsIgnored: 0,
    commandsRepeated: 0,
    telemetrySent: 0,
  };

  constructor(options: SimDeviceOptions) {
    super();
    this.options = options;
    this.deviceId = options.deviceId;
    this.kind = options.kind;
    this.topicRoot = options.topicRoot ?? DEFAULT_TOPIC_ROOT;
    this.baseNow = options.now ?? Date.now;
    this.idFactory = options.idFactory ?? randomUUID;
    this.telemetryPeriodMs = options.telemetryPeriodMs ?? 10_000;
    if (this.telemetryPeriodMs <= 0 || this.telemetryPeriodMs > MAX_TELEMETRY_PERIOD_MS) {
      throw new Error(`telemetryPeriodMs must be in (0, ${MAX_TELEMETRY_PERIOD_MS}]`);
    }
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 10);
    this.outbox = new EventOutbox({ limit: options.outboxLimit });
    this.faults = {
      duplicateProbability: options.faults?.duplicateProbability ?? 0,
      ackDelayMs: options.faults?.ackDelayMs ?? 0,
      clockSkewMs: options.faults?.clockSkewMs ?? 0,
    };
    this.random = SimRandom.from(options.seed ?? 0, this.deviceId);
    this.faultRandom = this.random.fork('faults');
    this.topics = {
      status: deviceTopic(this.topicRoot, this.deviceId, 'status'),
      events: deviceTopic(this.topicRoot, this.deviceId, 'events'),
      telemetry: deviceTopic(this.topicRoot, this.deviceId, 'telemetry'),
      acks: deviceTopic(this.topicRoot, this.deviceId, 'acks'),
      commands: deviceTopic(this.topicRoot, this.deviceId, 'commands'),
      config: deviceTopic(this.topicRoot, this.deviceId, 'config'),
    };
    // Connection errors are expected (faults, broker restarts) and kept in stats.lastError; without
    // a listener EventEmitter would throw them and take the whole community down.
    this.on('error', () => undefined);
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Starts connecting (and reconnecting until stop); returns at once. waitOnline() waits for the broker. */
  start(): void {
    if (this.state !== 'idle') return;
    this.startedAt = this.baseNow();
    this.openConnection();
  }

  /** Resolves when the device is connected, subscribed and has published its birth. */
  waitOnline(timeoutMs = 10_000): Promise<void> {
    if (this.state === 'online') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onlineWaiters = this.onlineWaiters.filter((w) => w !== done);
        reject(new Error(`${this.deviceId} not online after ${timeoutMs} ms${this.counters.authFailures ? ' (authentication refused)' : ''}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.onlineWaiters.push(done);
    });
  }

  /**
   * Graceful shutdown: publishes `{"online":false}` retained itself (a clean DISCONNECT discards the
   * Last Will), then disconnects. Nothing is published after that.
   */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const client = this.client;
    const wasOnline = this.state === 'online';
    this.state = 'stopped';
    this.clearTimers();
    if (client && wasOnline) {
      const goodbye = Buffer.from(JSON.stringify({ online: false, ts: new Date(this.now()).toISOString() }));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        client.publish(this.topics.status, goodbye, { qos: 1, retain: true }, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.client = null;
    this.generation++;
    if (client) await new Promise<void>((resolve) => client.end(!wasOnline, {}, () => resolve()));
  }

  /**
   * Fault: the network drops for `ms`. The socket is destroyed without DISCONNECT (the broker
   * publishes the Last Will), and the device reconnects after `ms`.
   */
  dropFor(ms: number): void {
    if (this.state === 'stopped') return;
    this.offlineUntil = this.baseNow() + ms;
    if (this.client) {
      this.client.stream.destroy();
    } else {
      // Already offline: push the pending reconnect back to the end of the drop.
      if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.scheduleReconnect();
    }
  }

  /** Fault: the device dies (power cut). Socket destroyed, no goodbye, no reconnect: the Last Will fires. */
  crash(): void {
    const client = this.client;
    this.state = 'stopped';
    this.clearTimers();
    this.client = null;
    this.generation++;
    if (client) {
      client.stream.destroy();
      client.end(true);
    }
  }

  get status(): SimDeviceStatus {
    return this.state;
  }

  /** The device's clock: real time plus the configured skew. */
  now(): number {
    return this.baseNow() + this.faults.clockSkewMs;
  }

  // ---- events ----------------------------------------------------------------------------------

  /**
   * Queues an event in the outbox (ts from the device clock) and returns its id. It is published as
   * soon as the device is online and stays queued until the broker acknowledged it.
   */
  emitEvent<T extends DeviceEventType>(type: T, data: DeviceEventDataMap[T]): string {
    const id = this.idFactory();
    const event = buildDeviceEvent(type, data, { id, now: this.now() });
    this.outbox.add(id, 'events', Buffer.from(JSON.stringify(event)));
    this.counters.eventsQueued++;
    this.emit('event-queued', { id, type });
    this.pump();
    return id;
  }

  /** Ids of events not yet acknowledged by the broker, oldest first. */
  pendingEventIds(): string[] {
    return this.outbox.keys('events');
  }

  /** Waits until every queued event and ack was acknowledged by the broker; false on timeout. */
  async drain(timeoutMs = 5000): Promise<boolean> {
    const deadline = this.baseNow() + timeoutMs;
    while (this.outbox.size > 0) {
      if (this.baseNow() >= deadline || this.state === 'stopped') return this.outbox.size === 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  // ---- commands and config ---------------------------------------------------------------------

  /** Sets (or replaces) the behaviour for a command type. Types without a handler are acked UNSUPPORTED. */
  handleCommand<T extends DeviceCommandType>(type: T, handler: CommandHandler<T>): void {
    this.handlers.set(type, handler as CommandHandler);
  }

  /** The applied config (highest version seen), or null. */
  get config(): DeviceConfig | null {
    return this.configTracker.config;
  }

  /** Hook: a newer config was applied. */
  protected onConfigApplied(_config: DeviceConfig): void {
    // generic device: nothing beyond reporting the version
  }

  /** Hook: kind-specific telemetry fields. */
  protected telemetryState(): Partial<DeviceTelemetry> {
    return {};
  }

  /** Runs `fn` after `ms` unless the device stops first (timers of subclasses go through here). */
  protected later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.pendingTimers.delete(timer);
      if (this.state !== 'stopped') fn();
    }, ms);
    this.pendingTimers.add(timer);
    return timer;
  }

  protected cancel(timer: NodeJS.Timeout | null): void {
    if (!timer) return;
    clearTimeout(timer);
    this.pendingTimers.delete(timer);
  }

  // ---- stats -----------------------------------------------------------------------------------

  stats(): SimDeviceStats {
    return {
      deviceId: this.deviceId,
      kind: this.kind,
      online: this.state === 'online',
      ...this.counters,
      configVersion: this.configTracker.version,
      outboxSize: this.outbox.size,
      outboxDropped: this.outbox.dropped,
    };
  }

  // ---- connection ------------------------------------------------------------------------------

  private openConnection(): void {
    if (this.state === 'stopped') return;
    this.state = 'connecting';
    const generation = ++this.generation;
    const options: IClientOptions = {
      clientId: this.deviceId,
      username: this.options.username ?? this.deviceId,
      password: this.options.password,
      clean: false,
      reconnectPeriod: 0, // reconnects are ours (see class comment)
      connectTimeout: 5000,
      keepalive: this.options.keepaliveS ?? 15,
      protocolVersion: this.options.protocolVersion ?? 4,
      resubscribe: false,
      queueQoSZero: false,
      will: { topic: this.topics.status, payload: Buffer.from(JSON.stringify(DEVICE_WILL)), qos: 1, retain: true },
    };
    const client = connect(this.options.mqttUrl, options);
    this.client = client;
    client.on('connect', (connack) => {
      if (generation !== this.generation) return;
      if (this.options.tcpNoDelay ?? true) (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
      this.onConnected(client, generation, connack.sessionPresent);
    });
    client.on('message', (topic, payload) => {
      if (generation !== this.generation) return;
      if (topic === this.topics.commands) void this.onCommandMessage(payload);
      else if (topic === this.topics.config) this.onConfigMessage(payload);
    });
    client.on('error', (err: Error & { code?: number | string }) => {
      if (generation !== this.generation) return;
      // CONNACK 4/5 (3.1.1) or 134/135 (v5): the broker refused our credentials.
      if (err.code === 4 || err.code === 5 || err.code === 134 || err.code === 135) this.counters.authFailures++;
      this.counters.lastError = err.message;
      this.emit('error', err);
    });
    client.on('close', () => {
      if (generation !== this.generation) return;
      this.onConnectionLost(client, 'connection closed');
    });
  }

  private onConnected(client: MqttClient, generation: number, sessionPresent: boolean): void {
    client.subscribe(
      [this.topics.commands, this.topics.config],
      { qos: 1 },
      (err, granted) => {
        if (generation !== this.generation) return;
        if (err) {
          this.counters.lastError = `subscribe failed: ${err.message}`;
          client.stream.destroy();
          return;
        }
        // 0x80 = refused by the broker's ACL; keep going (events still work) but say so.
        if (granted?.some((g) => g.qos === 128)) this.counters.lastError = 'subscription refused by the broker';
        const birth = buildDeviceBirth(this.kind, this.options.fw ?? '1.0.0-sim', this.now());
        // Birth first, then the backlog: same connection, so the broker sees them in this order.
        client.publish(this.topics.status, Buffer.from(JSON.stringify(birth)), { qos: 1, retain: true });
        this.state = 'online';
        this.counters.connects++;
        this.reconnectAttempts = 0;
        this.emit('connected', { sessionPresent });
        for (const waiter of this.onlineWaiters.splice(0)) waiter();
        this.pump();
        this.startTelemetry();
      },
    );
  }

  private onConnectionLost(client: MqttClient, reason: string): void {
    const wasOnline = this.state === 'online';
    this.client = null;
    this.generation++; // late callbacks of the old client are ignored from now on
    this.stopTelemetry();
    client.removeAllListeners('close');
    client.end(true);
    const requeued = this.outbox.requeueInFlight();
    if (wasOnline) {
      this.counters.disconnects++;
      this.emit('disconnected', { reason: requeued > 0 ? `${reason}; ${requeued} in flight re-queued` : reason });
    }
    if (this.state === 'stopped') return;
    this.state = 'offline';
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.state === 'stopped') return;
    const backoff = Math.min(MAX_RECONNECT_DELAY_MS, (this.options.reconnectDelayMs ?? 1000) * 2 ** this.reconnectAttempts);
    this.reconnectAttempts++;
    const delay = Math.max(backoff, this.offlineUntil - this.baseNow());
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.openConnection();
    }, delay);
  }

  // ---- outbox pump -----------------------------------------------------------------------------

  private pump(): void {
    const client = this.client;
    if (!client || this.state !== 'online') return;
    const generation = this.generation;
    while (this.outbox.inFlight < this.maxInFlight) {
      const item = this.outbox.takeNext();
      if (!item) return;
      this.publishItem(client, generation, item);
    }
  }

  private publishItem(client: MqttClient, generation: number, item: OutboxItem): void {
    const topic = item.channel === 'events' ? this.topics.events : this.topics.acks;
    if (item.channel === 'events') {
      this.counters.eventsSent++;
      if (item.attempts > 1) this.counters.eventsResent++;
    } else {
      this.counters.acksSent++;
    }
    client.publish(topic, item.payload, { qos: 1 }, (err) => {
      // Errors are not retried here: the close that follows re-queues the item for the next connection.
      if (err || generation !== this.generation) return;
      if (this.outbox.ack(item.key)) {
        if (item.channel === 'events') {
          this.counters.eventsAcked++;
          this.emit('event-acked', { id: item.key });
        } else {
          this.counters.acksAcked++;
        }
      }
      this.pump();
    });
    if (item.channel === 'events' && item.attempts === 1 && this.faultRandom.chance(this.faults.duplicateProbability)) {
      // Fault: the same event again, same id; the backend must store it once.
      this.counters.duplicatesSent++;
      this.counters.eventsSent++;
      client.publish(topic, item.payload, { qos: 1 });
    }
  }

  // ---- telemetry -------------------------------------------------------------------------------

  private startTelemetry(): void {
    this.stopTelemetry();
    // First report within a second of connecting, spread so a community does not report in lockstep.
    const first = Math.round(this.random.fork(`telemetry-${this.counters.connects}`).between(0, Math.min(1000, this.telemetryPeriodMs)));
    this.telemetryTimer = setTimeout(() => {
      this.publishTelemetry();
      this.telemetryTimer = setInterval(() => this.publishTelemetry(), this.telemetryPeriodMs);
    }, first);
  }

  private stopTelemetry(): void {
    if (this.telemetryTimer) {
      clearTimeout(this.telemetryTimer);
      clearInterval(this.telemetryTimer);
      this.telemetryTimer = null;
    }
  }

  /** Publishes telemetry now (QoS 0: lost when offline, like a real device's). */
  publishTelemetry(): void {
    const client = this.client;
    if (!client || this.state !== 'online') return;
    const telemetry: DeviceTelemetry = {
      ts: new Date(this.now()).toISOString(),
      configVersion: this.configTracker.version,
      uptimeS: Math.floor((this.baseNow() - this.startedAt) / 1000),
      rssi: -45 - this.random.intBetween(0, 40),
      outboxSize: this.outbox.size,
      ...this.telemetryState(),
    };
    client.publish(this.topics.telemetry, Buffer.from(JSON.stringify(telemetry)), { qos: 0 });
    this.counters.telemetrySent++;
  }

  // ---- inbound ---------------------------------------------------------------------------------

  private async onCommandMessage(payload: Buffer): Promise<void> {
    this.counters.commandsReceived++;
    const verdict = evaluateCommand(parseDeviceCommand(payload), this.now());
    if (verdict.action === 'ignore') {
      this.counters.commandsIgnored++;
      return;
    }
    const commandId = verdict.action === 'execute' ? verdict.command.id : verdict.commandId;
    const previous = this.results.get(commandId);
    if (previous) {
      // Redelivered: same answer again, never a second execution.
      this.counters.commandsRepeated++;
      this.queueAck(previous);
      return;
    }
    let ack: DeviceAck;
    if (verdict.action === 'reject') {
      if (verdict.expired) this.counters.commandsExpired++;
      else this.counters.commandsRejected++;
      ack = buildDeviceAckError(commandId, verdict.code, verdict.message, this.now());
      this.emit('command-rejected', { commandId, code: verdict.code, message: verdict.message });
    } else {
      const outcome = await this.execute(verdict.command);
      this.counters.commandsExecuted++;
      ack = outcome.ok
        ? buildDeviceAckOk(commandId, this.now(), outcome.data)
        : buildDeviceAckError(commandId, outcome.code, outcome.message, this.now());
      this.emit('command', { command: verdict.command, outcome });
    }
    this.results.set(commandId, ack);
    this.queueAck(ack);
  }

  private async execute(command: DeviceCommand): Promise<CommandOutcome> {
    const handler = this.handlers.get(command.type);
    if (!handler) return { ok: false, code: AckErrorCode.Unsupported, message: `${this.kind} does not handle ${command.type}` };
    try {
      return await handler(command);
    } catch (err) {
      return { ok: false, code: AckErrorCode.Failed, message: (err as Error).message.slice(0, 200) };
    }
  }

  private queueAck(ack: DeviceAck): void {
    const enqueue = () => {
      // Keyed by command id: a repeated ack for a command whose first ack is still queued is merged.
      if (this.outbox.add(`ack:${ack.commandId}`, 'acks', Buffer.from(JSON.stringify(ack)))) this.counters.acksQueued++;
      this.pump();
    };
    if (this.faults.ackDelayMs > 0) this.later(this.faults.ackDelayMs, enqueue);
    else enqueue();
  }

  private onConfigMessage(payload: Buffer): void {
    if (payload.length === 0) return; // retained config cleared
    const parsed = parseDeviceConfig(payload);
    if (!parsed.ok) {
      this.counters.lastError = `config dropped: ${parsed.detail}`;
      return;
    }
    if (this.configTracker.offer(parsed.config) === 'applied') {
      this.onConfigApplied(parsed.config);
      this.emit('config', { config: parsed.config });
      // Report the new version at once instead of waiting up to a period.
      this.publishTelemetry();
    }
  }

  private clearTimers(): void {
    this.stopTelemetry();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
  }
}
