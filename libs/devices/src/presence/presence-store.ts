import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DeviceKind } from '@app/contracts';
import type { TelemetrySample } from '../domain/telemetry-coalescer';
import type { PresenceReason } from './device-presence-change.entity';

export interface PresenceTransition {
  deviceId: string;
  siteId: string;
  kind: DeviceKind;
  online: boolean;
  reason: PresenceReason;
  at: Date;
}

export interface ReportedConfigChange {
  deviceId: string;
  version: number;
}

interface TransitionRow {
  id: string;
  siteId: string;
  kind: DeviceKind;
  at: Date;
}

const toTransitions = (rows: TransitionRow[], online: boolean, reason: PresenceReason): PresenceTransition[] =>
  rows.map((r) => ({ deviceId: r.id, siteId: r.siteId, kind: r.kind, online, reason, at: new Date(r.at) }));

/**
 * Presence in SQL. Every transition is one statement "UPDATE … WHERE online = <old> RETURNING"
 * with the history row inserted by the same statement, so two api instances handling the same
 * news cannot both record it, and history never disagrees with the device row.
 */
@Injectable()
export class PresenceStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Online (if offline and active); `seenSince`: only if heard from since (a retained birth). */
  async goOnline(deviceId: string, reason: PresenceReason, at: Date, seenSince: Date | null): Promise<PresenceTransition | null> {
    const rows = (await this.db.query(
      `WITH t AS (
         UPDATE devices SET online = true, "onlineChangedAt" = $2::timestamptz
         WHERE id = $1 AND NOT online AND lifecycle = 'active' AND ($4::timestamptz IS NULL OR "lastSeenAt" >= $4)
         RETURNING id, "siteId", kind
       ), h AS (
         INSERT INTO device_presence_changes ("deviceId", "siteId", online, reason, at) SELECT id, "siteId", true, $3::text, $2::timestamptz FROM t
       )
       SELECT id, "siteId", kind, $2::timestamptz AS at FROM t`,
      [deviceId, at, reason, seenSince],
    )) as TransitionRow[];
    return toTransitions(rows, true, reason)[0] ?? null;
  }

  async goOffline(deviceId: string, reason: PresenceReason, at: Date): Promise<PresenceTransition | null> {
    const rows = (await this.db.query(
      `WITH t AS (
         UPDATE devices SET online = false, "onlineChangedAt" = $2::timestamptz WHERE id = $1 AND online RETURNING id, "siteId", kind
       ), h AS (
         INSERT INTO device_presence_changes ("deviceId", "siteId", online, reason, at) SELECT id, "siteId", false, $3::text, $2::timestamptz FROM t
       )
       SELECT id, "siteId", kind, $2::timestamptz AS at FROM t`,
      [deviceId, at, reason],
    )) as TransitionRow[];
    return toTransitions(rows, false, reason)[0] ?? null;
  }

  /** A live birth: firmware and a sighting (the transition itself is goOnline). */
  async recordBirth(deviceId: string, firmware: string, at: Date, touchLastSeen: boolean): Promise<void> {
    await this.db.query(
      `UPDATE devices SET firmware = $2::text,
         "lastSeenAt" = CASE WHEN $4::boolean THEN GREATEST("lastSeenAt", $3::timestamptz) ELSE "lastSeenAt" END
       WHERE id = $1 AND (firmware IS DISTINCT FROM $2::text OR $4::boolean)`,
      [deviceId, firmware, at, touchLastSeen],
    );
  }

  /**
   * One flush of coalesced telemetry, in one transaction: devices heard from after their last
   * transition come online (a sample received before a will cannot undo it), and every device's
   * lastSeenAt, reported config version and last telemetry are written in one statement.
   */
  async applyTelemetry(samples: TelemetrySample[]): Promise<{ transitions: PresenceTransition[]; configChanges: ReportedConfigChange[] }> {
    const ids = samples.map((s) => s.deviceId);
    const seen = samples.map((s) => s.receivedAt);
    const versions = samples.map((s) => s.configVersion);
    const bodies = samples.map((s) => JSON.stringify(s.telemetry));
    return this.db.transaction(async (m: EntityManager) => {
      const online = (await m.query(
        `WITH v AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS v(id, seen)),
         t AS (
           UPDATE devices d SET online = true, "onlineChangedAt" = v.seen FROM v
           WHERE d.id = v.id AND NOT d.online AND d.lifecycle = 'active' AND (d."onlineChangedAt" IS NULL OR d."onlineChangedAt" < v.seen)
           RETURNING d.id, d."siteId", d.kind, v.seen AS at
         ), h AS (
           INSERT INTO device_presence_changes ("deviceId", "siteId", online, reason, at) SELECT id, "siteId", true, 'telemetry', at FROM t
         )
         SELECT id, "siteId", kind, at FROM t`,
        [ids, seen],
      )) as TransitionRow[];
      const changed = (await m.query(
        `WITH v AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::jsonb[]) AS v(id, seen, cv, tel)),
         u AS (
           UPDATE devices d SET
             "lastSeenAt" = GREATEST(d."lastSeenAt", v.seen),
             "reportedConfigVersion" = v.cv,
             "lastTelemetry" = v.tel
           FROM devices old, v
           WHERE d.id = v.id AND old.id = v.id AND d.lifecycle = 'active'
           RETURNING d.id, v.cv, old."reportedConfigVersion" AS "oldCv"
         ) SELECT * FROM u`,
        [ids, seen, versions, bodies],
      )) as { id: string; cv: number; oldCv: number | null }[];
      return {
        transitions: toTransitions(online, true, 'telemetry'),
        configChanges: changed.filter((r) => r.oldCv !== r.cv).map((r) => ({ deviceId: r.id, version: r.cv })),
      };
    });
  }

  /** Devices online but not heard from since `cutoff` go offline ('silent'). */
  async sweepSilent(cutoff: Date, at: Date): Promise<PresenceTransition[]> {
    const rows = (await this.db.query(
      `WITH t AS (
         UPDATE devices SET online = false, "onlineChangedAt" = $2::timestamptz
         WHERE online AND ("lastSeenAt" IS NULL OR "lastSeenAt" < $1)
         RETURNING id, "siteId", kind
       ), h AS (
         INSERT INTO device_presence_changes ("deviceId", "siteId", online, reason, at) SELECT id, "siteId", false, 'silent', $2::timestamptz FROM t
       )
       SELECT id, "siteId", kind, $2::timestamptz AS at FROM t`,
      [cutoff, at],
    )) as TransitionRow[];
    return toTransitions(rows, false, 'silent');
  }

  async countOnline(): Promise<{ kind: DeviceKind; n: number }[]> {
    const rows = (await this.db.query(
      `SELECT kind, count(*)::int AS n FROM devices WHERE online AND lifecycle = 'active' GROUP BY kind`,
    )) as { kind: DeviceKind; n: number }[];
    return rows;
  }
}
