import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { APP_CONFIG, AppConfig, MetricsService } from '@app/core';
import { DEVICE_KINDS, type DeviceStatus, type DeviceTelemetry } from '@app/contracts';
import { ConfigDeliveryTracker } from '../config/config-delivery-tracker.service';
import { planStatusMessage, silenceCutoff } from '../domain/presence-rules';
import { TelemetryCoalescer } from '../domain/telemetry-coalescer';
import { ThrottledLog } from '../domain/throttled-log';
import type { PresenceReason } from './device-presence-change.entity';
import { DeviceStatusEvents } from './device-status-events';
import { PresenceStore, PresenceTransition } from './presence-store';

/** Telemetry writes are coalesced per device and flushed this often. */
export const TELEMETRY_FLUSH_MS = 1000;
const ONLINE_GAUGE_CACHE_MS = 5000;

/**
 * Presence: status (birth/will) and telemetry make devices online, silence makes them offline.
 * Transitions are recorded once (idempotent SQL), counted, and emitted after commit.
 */
@Injectable()
export class DevicePresenceService implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(DevicePresenceService.name);
  private readonly coalescer = new TelemetryCoalescer();
  private readonly errorLog = new ThrottledLog(60_000);
  private readonly transitions: Counter<'kind' | 'online'>;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private onlineCache?: { at: number; rows: { kind: string; n: number }[] };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: PresenceStore,
    private readonly events: DeviceStatusEvents,
    private readonly configTracker: ConfigDeliveryTracker,
    metrics: MetricsService,
  ) {
    this.transitions = metrics.counter('sc_device_presence_transitions_total', 'Device online/offline transitions, by device kind', ['kind', 'online']);
    const self = this;
    metrics.gauge('sc_devices_online', 'Active devices currently online, by kind', ['kind'], async function () {
      const rows = await self.onlineCounts();
      for (const kind of DEVICE_KINDS) this.set({ kind }, rows.find((r) => r.kind === kind)?.n ?? 0);
    });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), TELEMETRY_FLUSH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** After the consumers stopped (onModuleDestroy), before the database closes (onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** A birth or will from `status`; `retained` when the broker replayed it at subscribe time. */
  async applyStatus(deviceId: string, status: DeviceStatus, retained: boolean, at = new Date()): Promise<PresenceTransition | null> {
    const plan = planStatusMessage(status, retained, at, this.config.devices.telemetryPeriodSeconds);
    if (plan.action === 'offline') {
      // A sample waiting in this instance's buffer predates the will; it must not count as life.
      this.coalescer.discard(deviceId);
      return this.emit(await this.store.goOffline(deviceId, plan.reason, at));
    }
    if (status.online) await this.store.recordBirth(deviceId, status.fw, at, plan.touchLastSeen);
    return this.emit(await this.store.goOnline(deviceId, plan.reason, at, plan.seenSince));
  }

  /** Queues a telemetry sample; written with the next flush (at most one row update per device). */
  recordTelemetry(deviceId: string, telemetry: DeviceTelemetry, receivedAt = new Date()): void {
    this.coalescer.add({ deviceId, receivedAt, configVersion: telemetry.configVersion, telemetry: telemetry as unknown as Record<string, unknown> });
  }

  /** Marks a device offline for a reason the backend decided (e.g. decommissioned). */
  async markOffline(deviceId: string, reason: PresenceReason, at = new Date()): Promise<PresenceTransition | null> {
    this.coalescer.discard(deviceId);
    return this.emit(await this.store.goOffline(deviceId, reason, at));
  }

  /** The silence sweep (worker, every presenceSweepSeconds). */
  async sweepSilent(now = new Date()): Promise<PresenceTransition[]> {
    const changes = await this.store.sweepSilent(silenceCutoff(now, this.config.devices.telemetryPeriodSeconds), now);
    for (const c of changes) this.emit(c);
    return changes;
  }

  /** Writes the waiting telemetry now (also runs every second). Concurrent calls share one flush. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.coalescer.size > 0 ? this.flush() : undefined));
    if (this.coalescer.size === 0) return Promise.resolve();
    this.flushing = this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const samples = this.coalescer.drain();
    try {
      const { transitions, configChanges } = await this.store.applyTelemetry(samples);
      for (const t of transitions) this.emit(t);
      if (configChanges.length) await this.configTracker.onReportedVersions(configChanges);
    } catch (err) {
      // Keep the samples (newer ones win) and try again with the next flush.
      this.coalescer.restore(samples);
      const suppressed = this.errorLog.admit('flush', Date.now());
      if (suppressed !== null) this.logger.warn({ suppressed }, `telemetry flush failed, will retry: ${(err as Error).message}`);
    }
  }

  private emit(t: PresenceTransition | null): PresenceTransition | null {
    if (!t) return null;
    this.transitions.inc({ kind: t.kind, online: String(t.online) });
    this.onlineCache = undefined;
    this.events.emit({ deviceId: t.deviceId, siteId: t.siteId, kind: t.kind, online: t.online, reason: t.reason, at: t.at });
    return t;
  }

  private async onlineCounts(): Promise<{ kind: string; n: number }[]> {
    const now = Date.now();
    if (this.onlineCache && now - this.onlineCache.at < ONLINE_GAUGE_CACHE_MS) return this.onlineCache.rows;
    try {
      const rows = await this.store.countOnline();
      this.onlineCache = { at: now, rows };
      return rows;
    } catch {
      return this.onlineCache?.rows ?? [];
    }
  }
}
