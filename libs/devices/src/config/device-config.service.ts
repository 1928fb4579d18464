import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, DomainError, MqttPublisher, Principal, QueueName, QueueProducer, stableJobId } from '@app/core';
import { deviceTopic, type DeviceKind } from '@app/contracts';
import { CommandResults } from '../commands/command-results';
import { CommandStore } from '../commands/command-store';
import type { CommandStatus, DeviceCommandRecord } from '../commands/device-command.entity';
import { PublishFailure, publishWithTimeout } from '../commands/publish-with-timeout';
import { configSyncState, ConfigSyncState, hasConfigDrift } from '../domain/config-drift';
import { checkDesiredConfig } from '../domain/desired-config';
import { DURABLE_MAX_ATTEMPTS, DURABLE_RETRY_BASE_MS } from '../domain/durable-delivery';
import { DeviceScope } from '../presence/device-scope.service';

export const CONFIG_COMMAND_TYPE = 'config';
export const CONFIG_SUPERSEDE_KEY = 'config';
/** A config delivery is tracked this long; the retained message itself never expires. */
const CONFIG_DELIVERY_TTL_MS = 30 * 24 * 3600 * 1000;

export interface DeviceConfigView {
  deviceId: string;
  kind: DeviceKind;
  /** The retained config as published, version included; null when none was ever set. */
  desired: Record<string, unknown> | null;
  desiredVersion: number;
  /** The version the device last reported in telemetry (0 = none; null = not reported yet). */
  reportedVersion: number | null;
  drift: boolean;
  state: ConfigSyncState;
  /** The latest delivery of the desired version. */
  delivery: { commandId: string; status: CommandStatus; attempts: number; sentAt: string | null; completedAt: string | null } | null;
}

interface DeviceConfigRow {
  id: string;
  kind: DeviceKind;
  siteId: string;
  lifecycle: string;
  online: boolean;
  desiredConfig: Record<string, unknown> | null;
  desiredConfigVersion: number;
  reportedConfigVersion: number | null;
}

/**
 * The desired, versioned configuration of a device: stored on the device row, published retained
 * (QoS 1) to ROOT/devices/<id>/config, and delivered like a durable command whose ack is the
 * version the device reports in telemetry.
 */
@Injectable()
export class DeviceConfigService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: CommandStore,
    private readonly results: CommandResults,
    private readonly publisher: MqttPublisher,
    private readonly queues: QueueProducer,
    private readonly audit: AuditService,
    private readonly scope: DeviceScope,
  ) {}

  /** For other modules (speaker zones): validates, bumps the version, stores, publishes, audits. */
  async setDesired(deviceId: string, config: Record<string, unknown>, actor: Principal | null = null): Promise<DeviceConfigView> {
    const now = new Date();
    const { row, superseded } = await this.db.transaction(async (m) => {
      const [d] = (await m.query(
        `SELECT id, kind, "siteId", lifecycle, "desiredConfig", "desiredConfigVersion" FROM devices WHERE id = $1 FOR UPDATE`,
        [deviceId],
      )) as DeviceConfigRow[];
      if (!d || d.lifecycle !== 'active') throw DomainError.notFound('device', deviceId);
      const check = checkDesiredConfig(d.kind, config);
      if (!check.ok) throw DomainError.badRequest(`Invalid config: ${check.problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, check.problems);
      const version = d.desiredConfigVersion + 1;
      const body = { version, ...check.config, ts: now.toISOString() };
      await m.query(`UPDATE devices SET "desiredConfig" = $2, "desiredConfigVersion" = $3, "updatedAt" = now() WHERE id = $1`, [deviceId, JSON.stringify(body), version]);
      const row: DeviceCommandRecord = {
        id: randomUUID(),
        deviceId,
        type: CONFIG_COMMAND_TYPE,
        data: body,
        status: 'queued',
        durable: true,
        supersedeKey: CONFIG_SUPERSEDE_KEY,
        requestId: null,
        attempts: 1,
        expiresAt: new Date(now.getTime() + CONFIG_DELIVERY_TTL_MS),
        sentAt: null,
        completedAt: null,
        error: null,
        createdByAccountId: actor?.accountId ?? null,
        createdAt: now,
      };
      const superseded = await this.store.insertSuperseding(row, m);
      await this.audit.record(
        actor,
        {
          action: 'device.config.set',
          entityType: 'device',
          entityId: deviceId,
          siteId: d.siteId,
          before: { version: d.desiredConfigVersion, config: d.desiredConfig },
          after: { version, config: body },
        },
        m,
      );
      return { row, superseded };
    });
    this.results.count(CONFIG_COMMAND_TYPE, 'queued');
    for (const c of superseded) this.results.reportChange(c, now);
    await this.queues.add(QueueName.DeviceCommands, 'deliver-durable', { commandId: row.id }, {
      jobId: stableJobId('deliver', row.id),
      delay: DURABLE_RETRY_BASE_MS,
      attempts: DURABLE_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: DURABLE_RETRY_BASE_MS },
    });
    // Not published (broker down)? The delivery job publishes it later.
    if ((await this.publishLatest(deviceId)) === null) {
      const sent = await this.store.transition(row.id, 'published', new Date());
      if (sent) this.results.count(CONFIG_COMMAND_TYPE, 'sent');
    }
    return this.view(deviceId);
  }

  /**
   * Publishes the device's current desired config, retained. Publishers take a per-device lock
   * and read the latest version under it, so the last retained message is always the newest
   * version, whatever order concurrent changes commit in.
   */
  async publishLatest(deviceId: string): Promise<PublishFailure | null> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`device-config:${deviceId}`]);
      const [d] = (await m.query(`SELECT "desiredConfig" FROM devices WHERE id = $1`, [deviceId])) as Pick<DeviceConfigRow, 'desiredConfig'>[];
      if (!d?.desiredConfig) return { code: 'PUBLISH_FAILED' as const, message: 'no desired config' };
      return publishWithTimeout(this.publisher, deviceTopic(this.config.mqtt.topicRoot, deviceId, 'config'), JSON.stringify(d.desiredConfig), { qos: 1, retain: true });
    });
  }

  async setDesiredFor(p: Principal, deviceId: string, body: unknown): Promise<DeviceConfigView> {
    await this.scope.find(p, deviceId, 'configure');
    return this.setDesired(deviceId, body as Record<string, unknown>, p);
  }

  async viewFor(p: Principal, deviceId: string): Promise<DeviceConfigView> {
    await this.scope.find(p, deviceId, 'view');
    return this.view(deviceId);
  }

  async view(deviceId: string): Promise<DeviceConfigView> {
    const [d] = (await this.db.query(
      `SELECT id, kind, "desiredConfig", "desiredConfigVersion", "reportedConfigVersion" FROM devices WHERE id = $1`,
      [deviceId],
    )) as DeviceConfigRow[];
    if (!d) throw DomainError.notFound('device', deviceId);
    const [delivery] = (await this.db.query(
      `SELECT id, status, attempts, "sentAt", "completedAt" FROM device_commands
       WHERE "deviceId" = $1 AND type = $2 AND (data->>'version')::int = $3 ORDER BY "createdAt" DESC LIMIT 1`,
      [deviceId, CONFIG_COMMAND_TYPE, d.desiredConfigVersion],
    )) as { id: string; status: CommandStatus; attempts: number; sentAt: Date | null; completedAt: Date | null }[];
    return {
      deviceId: d.id,
      kind: d.kind,
      desired: d.desiredConfig,
      desiredVersion: d.desiredConfigVersion,
      reportedVersion: d.reportedConfigVersion,
      drift: hasConfigDrift(d.desiredConfigVersion, d.reportedConfigVersion),
      state: configSyncState(d.desiredConfigVersion, d.reportedConfigVersion),
      delivery: delivery
        ? { commandId: delivery.id, status: delivery.status, attempts: delivery.attempts, sentAt: iso(delivery.sentAt), completedAt: iso(delivery.completedAt) }
        : null,
    };
  }

  /** The facts a durable config delivery needs: device state and versions. */
  async deliveryFacts(deviceId: string): Promise<Pick<DeviceConfigRow, 'lifecycle' | 'online' | 'desiredConfigVersion' | 'reportedConfigVersion'> | null> {
    const [d] = (await this.db.query(
      `SELECT lifecycle, online, "desiredConfigVersion", "reportedConfigVersion" FROM devices WHERE id = $1`,
      [deviceId],
    )) as DeviceConfigRow[];
    return d ?? null;
  }
}

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
