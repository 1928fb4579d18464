import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { APP_CONFIG, AppConfig, AuditService, DomainError, MetricsService, MqttPublisher, Principal, QueueName, QueueProducer, stableJobId } from '@app/core';
import {
  buildCommand,
  ContractError,
  DEVICE_COMMANDS,
  deviceTopic,
  type DeviceAck,
  type DeviceCommand,
  type DeviceCommandDataMap,
  type DeviceCommandType,
} from '@app/contracts';
import { summarizeCommandData } from '../domain/command-data-summary';
import { ackEvent, type CommandEvent } from '../domain/command-status';
import { DURABLE_MAX_ATTEMPTS, DURABLE_RETRY_BASE_MS } from '../domain/durable-delivery';
import { commandKindProblem } from '../domain/remote-command-policy';
import { DeviceDirectory } from '../registry/device-directory.service';
import { CommandBatchWriter } from './command-batch-writer';
import { CommandEnvelopeStore } from './command-envelope-store';
import { CommandResults } from './command-results';
import { ChangedCommand, CommandStore } from './command-store';
import type { DeviceCommandRecord } from './device-command.entity';
import { PublishFailure, publishWithTimeout } from './publish-with-timeout';

export interface SendOptions {
  /** Lifetime; the type's default when absent, never more than its maximum. */
  ttlMs?: number;
  /** The event this command answers. */
  requestId?: string;
  /** Retried until acked or superseded (default: the type's registry entry). */
  durable?: boolean;
  /** Durable commands of one key replace older unfinished ones for the device (e.g. 'facelib'). */
  supersedeKey?: string;
  actor?: Principal | null;
  /** Record an audit entry (remote commands by people) in the same transaction as the command row. */
  audit?: { siteId: string };
}

export interface FastSendOptions extends Pick<SendOptions, 'ttlMs' | 'requestId' | 'actor'> {
  /**
   * Runs right after the command is handed to the broker connection, in the same tick (before its
   * PUBACK; also when the broker is down and nothing was written): bookkeeping that must precede
   * anything the device does in reply, kept off the device's wait.
   */
  onWritten?: () => void;
}

export interface FastSendResult<T extends DeviceCommandType = DeviceCommandType> {
  command: DeviceCommand<T>;
  status: 'sent' | 'failed';
  error?: PublishFailure;
}

/** Acks that find no row are tried once more after this (the row may still be in a batch). */
const UNKNOWN_ACK_RETRY_MS = 1500;
/** At most this many acks wait for their second look; beyond it (a flood of garbage ids) they are dropped at once. */
const MAX_DEFERRED_ACKS = 1000;
/** The timeout sweep waits this long after expiresAt for a last-moment ack. */
export const TIMEOUT_GRACE_MS = 1000;

/**
 * Sends commands to devices and tracks them queued → sent → acked | failed | expired | timeout
 * (or superseded). Short-lived commands are published once and never queued for later; durable
 * ones get a BullMQ job that publishes again with backoff until acked or superseded.
 */
@Injectable()
export class DeviceCommandService implements BeforeApplicationShutdown {
  private readonly writer: CommandBatchWriter;
  private readonly ackDrops: Counter<'reason'>;
  private deferredAcks = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: CommandStore,
    private readonly results: CommandResults,
    private readonly envelopes: CommandEnvelopeStore,
    private readonly publisher: MqttPublisher,
    private readonly queues: QueueProducer,
    private readonly directory: DeviceDirectory,
    private readonly audit: AuditService,
    metrics: MetricsService,
  ) {
    this.ackDrops = metrics.counter('sc_device_acks_ignored_total', 'Acks that changed nothing: unknown command, or already settled', ['reason']);
    const lost = metrics.counter('sc_device_command_rows_lost_total', 'Hot-path command rows dropped while the database was away');
    this.writer = new CommandBatchWriter({ maxBatch: 200, maxWaitMs: 20, maxBuffered: 20_000, write: (rows) => this.store.insertMany(rows), onDropped: (n) => lost.inc(n) });
  }

  /** Writes the buffered hot-path rows before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.close();
  }

  /** Sends a command and returns its record (status sent, or failed / queued when the broker is down). */
  async send<T extends DeviceCommandType>(deviceId: string, type: T, data: DeviceCommandDataMap[T], opts: SendOptions = {}): Promise<DeviceCommandRecord> {
    this.checkDevice(deviceId, type);
    const durable = opts.durable ?? DEVICE_COMMANDS[type].durable;
    const now = new Date();
    const envelope = this.build(type, data, now, opts);
    const row = this.toRow(deviceId, envelope, 'queued', durable, now, opts);
    const json = JSON.stringify(envelope);
    if (durable) await this.envelopes.put(envelope.id, json, row.expiresAt.getTime() - now.getTime());
    const superseded = await this.store.transaction(async (m) => {
      const older = await this.store.insertSuperseding(row, m);
      if (opts.audit) {
        const after = { commandId: row.id, type, data: row.data, expiresAt: envelope.expiresAt };
        await this.audit.record(opts.actor ?? null, { action: 'device.command.send', entityType: 'device', entityId: deviceId, siteId: opts.audit.siteId, after }, m);
      }
      return older;
    });
    this.results.count(type, 'queued');
    await this.reportAll(superseded, now);
    if (durable) {
      await this.queues.add(QueueName.DeviceCommands, 'deliver-durable', { commandId: row.id }, {
        jobId: stableJobId('deliver', row.id),
        delay: DURABLE_RETRY_BASE_MS,
        attempts: DURABLE_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: DURABLE_RETRY_BASE_MS },
      });
    }
    const failure = await this.publish(deviceId, json);
    if (failure) {
      // A durable command waits for its job; a short-lived one is never sent later.
      if (durable) return row;
      const changed = await this.store.transition(row.id, 'publish_failed', new Date(), { error: failure });
      if (changed) this.report(changed, new Date());
      return { ...row, status: changed?.status ?? row.status, error: failure, completedAt: changed?.completedAt ?? null };
    }
    const sentAt = new Date();
    // An ack may already have settled it (the device can beat this write): then this changes nothing.
    const changed = await this.store.transition(row.id, 'published', sentAt);
    if (changed) this.results.count(type, 'sent');
    return { ...row, status: changed?.status ?? 'sent', sentAt };
  }

  /**
   * The access hot path (gate.open / gate.deny): publishes first and stores the row afterwards in
   * a batch, so the answer to the gate does not wait for the database. Short-lived types only.
   */
  async sendFast<T extends DeviceCommandType>(deviceId: string, type: T, data: DeviceCommandDataMap[T], opts: FastSendOptions = {}): Promise<FastSendResult<T>> {
    this.checkDevice(deviceId, type);
    if (DEVICE_COMMANDS[type].durable) throw new DomainError('COMMAND_DURABLE', 'bad_request', `${type} is durable: use send()`);
    const now = new Date();
    const envelope = this.build(type, data, now, opts);
    // The packet is written to the broker connection synchronously; the PUBACK is awaited below.
    const publishing = this.publish(deviceId, JSON.stringify(envelope));
    opts.onWritten?.();
    const failure = await publishing;
    const at = new Date();
    const row = failure
      ? { ...this.toRow(deviceId, envelope, 'failed', false, now, opts), error: failure, completedAt: at }
      : { ...this.toRow(deviceId, envelope, 'sent', false, now, opts), sentAt: at };
    this.writer.add(row);
    if (failure) this.report({ ...row, error: failure }, at);
    else this.results.count(type, 'sent');
    return failure ? { command: envelope, status: 'failed', error: failure } : { command: envelope, status: 'sent' };
  }

  /** Applies an ack from `deviceId`; acks for unknown ids or settled commands are counted and ignored. */
  async applyAck(deviceId: string, ack: DeviceAck, receivedAt = new Date(), retry = true): Promise<ChangedCommand | null> {
    const event = ackEvent(ack);
    const error = ack.ok ? null : (ack.error ?? null);
    const buffered = this.writer.pending(ack.commandId);
    if (buffered && buffered.deviceId === deviceId) return this.applyToBuffered(buffered, event, error, ack, receivedAt);
    const changed = await this.store.transition(ack.commandId, event, receivedAt, { deviceId, error });
    if (changed) {
      this.report(changed, receivedAt, ack.data);
      if (changed.durable) await this.envelopes.delete(changed.id);
      return changed;
    }
    const status = await this.store.statusOf(ack.commandId, deviceId);
    if (status !== null) {
      this.ackDrops.inc({ reason: 'already_settled' });
      return null;
    }
    if (retry && this.deferredAcks < MAX_DEFERRED_ACKS) {
      // The row may be in a batch being written (here or on another instance): look once more.
      this.deferredAcks += 1;
      try {
        await new Promise((r) => setTimeout(r, UNKNOWN_ACK_RETRY_MS));
        return await this.applyAck(deviceId, ack, receivedAt, false);
      } finally {
        this.deferredAcks -= 1;
      }
    }
    this.ackDrops.inc({ reason: 'unknown_command' });
    return null;
  }

  /** Sent commands whose expiresAt passed without an ack become timeout (worker sweep). */
  async sweepTimeouts(now = new Date()): Promise<number> {
    await this.writer.flush();
    let total = 0;
    for (;;) {
      const changed = await this.store.timeoutExpired(new Date(now.getTime() - TIMEOUT_GRACE_MS), now);
      await this.reportAll(changed, now);
      total += changed.length;
      if (changed.length < 1000) return total;
    }
  }

  /** Publishes QoS 1 to the device's commands topic; returns the failure, or null once PUBACKed. */
  async publish(deviceId: string, json: string): Promise<PublishFailure | null> {
    return publishWithTimeout(this.publisher, deviceTopic(this.config.mqtt.topicRoot, deviceId, 'commands'), json, { qos: 1 });
  }

  /** Reports a status change to CommandResults (and the metrics). */
  report(c: Pick<ChangedCommand, 'id' | 'deviceId' | 'type' | 'status' | 'requestId' | 'error'>, at: Date, data?: Record<string, unknown>): void {
    this.results.reportChange(c, at, data);
  }

  private async reportAll(changed: ChangedCommand[], at: Date): Promise<void> {
    for (const c of changed) this.report(c, at);
    const durable = changed.filter((c) => c.durable).map((c) => c.id);
    if (durable.length) await this.envelopes.delete(...durable);
  }

  private applyToBuffered(row: DeviceCommandRecord, event: CommandEvent, error: DeviceCommandRecord['error'], ack: DeviceAck, at: Date): ChangedCommand | null {
    const status = event === 'ack_ok' ? 'acked' : event === 'ack_expired' ? 'expired' : 'failed';
    if (row.status !== 'sent' && row.status !== 'queued') {
      this.ackDrops.inc({ reason: 'already_settled' });
      return null;
    }
    Object.assign(row, { status, error, completedAt: at });
    const changed: ChangedCommand = { id: row.id, deviceId: row.deviceId, type: row.type, status, requestId: row.requestId, durable: false, error, completedAt: at };
    this.report(changed, at, ack.data);
    return changed;
  }

  private checkDevice(deviceId: string, type: DeviceCommandType): void {
    const device = this.directory.get(deviceId);
    if (!device) throw DomainError.notFound('device', deviceId);
    const problem = commandKindProblem(type, device.kind);
    if (problem) throw new DomainError('COMMAND_NOT_SUPPORTED', 'bad_request', problem);
  }

  private build<T extends DeviceCommandType>(type: T, data: DeviceCommandDataMap[T], now: Date, opts: SendOptions): DeviceCommand<T> {
    try {
      return buildCommand(type, data, { now, ttlMs: opts.ttlMs, requestId: opts.requestId });
    } catch (err) {
      if (err instanceof ContractError) throw DomainError.badRequest(err.message, [{ field: 'data', reason: err.message }]);
      throw err;
    }
  }

  private toRow(deviceId: string, c: { id: string; type: string; expiresAt: string; requestId?: string; data: unknown }, status: 'queued' | 'sent' | 'failed', durable: boolean, now: Date, opts: SendOptions): DeviceCommandRecord {
    return {
      id: c.id,
      deviceId,
      type: c.type,
      data: summarizeCommandData(c.type, c.data as Record<string, unknown>),
      status,
      durable,
      supersedeKey: durable ? (opts.supersedeKey ?? null) : null,
      requestId: c.requestId ?? null,
      // The first attempt is made right away; counted up front so a fast ack cannot race the count.
      attempts: 1,
      expiresAt: new Date(c.expiresAt),
      sentAt: null,
      completedAt: null,
      error: null,
      createdByAccountId: opts.actor?.accountId ?? null,
      createdAt: now,
    };
  }
}
