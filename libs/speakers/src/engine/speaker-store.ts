import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import type { SpeakerState } from '../domain';
import { sessionTimingsOf, StoredRules, zoneRulesOf, ZoneTimingsSeconds } from '../policy/zone-input';
import type { SpeakerPlayback } from '../speakers/speaker.entity';
import { LockedSpeaker } from './locked-speaker';

interface SpeakerRow {
  deviceId: string;
  siteId: string;
  zoneId: string;
  zoneName: string;
  state: SpeakerState;
  version: number;
  playback: SpeakerPlayback | null;
  rules: StoredRules;
  timings: ZoneTimingsSeconds;
  timezone: string;
  lifecycle: string;
}

const SELECT = `SELECT s."deviceId", s."siteId", s."zoneId", z.name AS "zoneName", s.state, s.version, s.playback, z.rules, z.timings, st.timezone, d.lifecycle
  FROM speakers s JOIN speaker_zones z ON z.id = s."zoneId" JOIN sites st ON st.id = s."siteId" JOIN devices d ON d.id = s."deviceId"`;

/** SQL for speaker rows: the per-speaker lock, the state write, and reads with the zone's rules. */
@Injectable()
export class SpeakerStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Locks the speaker row for the transaction (commands from every process serialize here). */
  async lock(m: EntityManager, deviceId: string): Promise<LockedSpeaker> {
    const [row] = (await m.query(`${SELECT} WHERE s."deviceId" = $1 FOR UPDATE OF s`, [deviceId])) as SpeakerRow[];
    if (!row) throw DomainError.notFound('speaker', deviceId);
    return toLocked(row);
  }

  async find(deviceId: string, m: EntityManager | DataSource = this.db): Promise<LockedSpeaker | null> {
    const [row] = (await m.query(`${SELECT} WHERE s."deviceId" = $1`, [deviceId])) as SpeakerRow[];
    return row ? toLocked(row) : null;
  }

  /** Speakers of active devices (a decommissioned speaker leaves the lists). */
  async list(where: { siteIds?: string[] | null; zoneId?: string; deviceIds?: string[] }, m: EntityManager | DataSource = this.db): Promise<LockedSpeaker[]> {
    const clauses: string[] = [`d.lifecycle = 'active'`];
    const params: unknown[] = [];
    if (where.siteIds) {
      params.push(where.siteIds);
      clauses.push(`s."siteId" = ANY($${params.length}::uuid[])`);
    }
    if (where.zoneId) {
      params.push(where.zoneId);
      clauses.push(`s."zoneId" = $${params.length}`);
    }
    if (where.deviceIds) {
      params.push(where.deviceIds);
      clauses.push(`s."deviceId" = ANY($${params.length}::text[])`);
    }
    const sql = `${SELECT} WHERE ${clauses.join(' AND ')} ORDER BY s."deviceId"`;
    return ((await m.query(sql, params)) as SpeakerRow[]).map(toLocked);
  }

  async allIds(): Promise<string[]> {
    const rows = (await this.db.query(`SELECT "deviceId" FROM speakers ORDER BY "deviceId"`)) as { deviceId: string }[];
    return rows.map((r) => r.deviceId);
  }

  /** Writes the new state; the version grows by one. */
  async saveState(m: EntityManager, deviceId: string, state: SpeakerState): Promise<number> {
    const [row] = (await m.query(`UPDATE speakers SET state = $2, version = version + 1, "updatedAt" = now() WHERE "deviceId" = $1 RETURNING version`, [
      deviceId,
      JSON.stringify(state),
    ])) as { version: number }[];
    return row.version;
  }

  async savePlayback(m: EntityManager, deviceId: string, playback: SpeakerPlayback): Promise<number> {
    const [row] = (await m.query(`UPDATE speakers SET playback = $2, version = version + 1, "updatedAt" = now() WHERE "deviceId" = $1 RETURNING version`, [
      deviceId,
      JSON.stringify(playback),
    ])) as { version: number }[];
    return row.version;
  }

  /** The states in which a resident holds a session or a queue place (any speaker, any site). */
  async statesHeldBy(m: EntityManager, residentId: string): Promise<SpeakerState[]> {
    const rows = (await m.query(`SELECT state FROM speakers WHERE state->'session'->>'residentId' = $1 OR state->'queue' @> $2::jsonb`, [
      residentId,
      JSON.stringify([{ residentId }]),
    ])) as { state: SpeakerState }[];
    return rows.map((r) => r.state);
  }
}

function toLocked(row: SpeakerRow): LockedSpeaker {
  return {
    deviceId: row.deviceId,
    siteId: row.siteId,
    zoneId: row.zoneId,
    zoneName: row.zoneName,
    // States stored before background music existed have no `music` field.
    state: { ...row.state, music: row.state.music ?? null },
    version: row.version,
    playback: row.playback,
    zone: zoneRulesOf(row.zoneId, row.timezone, row.rules),
    active: row.lifecycle === 'active',
    timingOverrides: row.timings ?? {},
    timings: sessionTimingsOf(row.timings ?? {}),
  };
}
