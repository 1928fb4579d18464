import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CommandEvent, commandTransition } from '../domain/command-status';
import type { CommandStatus, DeviceCommandRecord } from './device-command.entity';

/** What a status change returns: enough to report the outcome. */
export interface ChangedCommand {
  id: string;
  deviceId: string;
  type: string;
  status: CommandStatus;
  requestId: string | null;
  durable: boolean;
  error: { code: string; message?: string } | null;
  completedAt: Date | null;
}

const RETURNING = `RETURNING id, "deviceId", type, status, "requestId", durable, error, "completedAt"`;
const SETTLED: readonly CommandStatus[] = ['acked', 'failed', 'expired', 'timeout', 'superseded'];
const COLUMNS = ['id', '"deviceId"', 'type', 'data', 'status', 'durable', '"supersedeKey"', '"requestId"', 'attempts', '"expiresAt"', '"sentAt"', '"completedAt"', 'error', '"createdByAccountId"', '"createdAt"'];
const TYPES = ['uuid', 'text', 'text', 'jsonb', 'text', 'bool', 'text', 'uuid', 'int', 'timestamptz', 'timestamptz', 'timestamptz', 'jsonb', 'uuid', 'timestamptz'];

/**
 * device_commands in SQL. Every status change is "UPDATE … WHERE status = ANY(<statuses the event
 * may leave>)" from the domain's transition table, so racing updates (an ack and the timeout
 * sweep, two instances) can only move a command forward.
 */
@Injectable()
export class CommandStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Inserts many rows in one statement (ON CONFLICT DO NOTHING: a retried batch is harmless). */
  async insertMany(rows: DeviceCommandRecord[], manager?: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    const cols: unknown[][] = COLUMNS.map(() => []);
    for (const r of rows) {
      const values = [r.id, r.deviceId, r.type, JSON.stringify(r.data), r.status, r.durable, r.supersedeKey, r.requestId, r.attempts, r.expiresAt, r.sentAt, r.completedAt, r.error ? JSON.stringify(r.error) : null, r.createdByAccountId, r.createdAt];
      values.forEach((v, i) => cols[i].push(v));
    }
    const params = TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
    await (manager ?? this.db.manager).query(`INSERT INTO device_commands (${COLUMNS.join(', ')}) SELECT * FROM unnest(${params}) ON CONFLICT (id) DO NOTHING`, cols);
  }

  /**
   * Inserts a durable command and supersedes the older unfinished ones of its key for the device,
   * in one transaction. Returns the superseded commands.
   */
  async insertSuperseding(row: DeviceCommandRecord, manager?: EntityManager): Promise<ChangedCommand[]> {
    if (manager) return this.insertSupersedingIn(row, manager);
    return this.db.transaction((m) => this.insertSupersedingIn(row, m));
  }

  private async insertSupersedingIn(row: DeviceCommandRecord, m: EntityManager): Promise<ChangedCommand[]> {
    await this.insertMany([row], m);
    if (!row.supersedeKey) return [];
    const t = commandTransition('superseded');
    return (await m.query(
      `WITH u AS (
         UPDATE device_commands SET status = $4::text, "completedAt" = $5::timestamptz
         WHERE "deviceId" = $1 AND "supersedeKey" = $2 AND id <> $3 AND status = ANY($6::text[]) AND "createdAt" <= $5::timestamptz ${RETURNING}
       ) SELECT * FROM u`,
      [row.deviceId, row.supersedeKey, row.id, t.to, row.createdAt, t.from],
    )) as ChangedCommand[];
  }

  /**
   * Applies an event to one command; null when it did not apply (unknown id, other device, or a
   * status the event may not leave). `deviceId` guards against a device settling another's command.
   */
  async transition(
    id: string,
    event: CommandEvent,
    at: Date,
    opts: { deviceId?: string; error?: { code: string; message?: string } | null; countAttempt?: boolean } = {},
    manager?: EntityManager,
  ): Promise<ChangedCommand | null> {
    const t = commandTransition(event);
    const rows = (await (manager ?? this.db.manager).query(
      `WITH u AS (
         UPDATE device_commands SET status = $2::text,
           "sentAt" = CASE WHEN $2::text = 'sent' THEN COALESCE("sentAt", $3) ELSE "sentAt" END,
           "completedAt" = CASE WHEN $2::text = ANY($7::text[]) THEN $3 ELSE "completedAt" END,
           attempts = attempts + $6,
           error = COALESCE($5::jsonb, error)
         WHERE id = $1 AND status = ANY($4::text[]) AND ($8::text IS NULL OR "deviceId" = $8) ${RETURNING}
       ) SELECT * FROM u`,
      [id, t.to, at, t.from, opts.error ? JSON.stringify(opts.error) : null, opts.countAttempt ? 1 : 0, SETTLED, opts.deviceId ?? null],
    )) as ChangedCommand[];
    return rows[0] ?? null;
  }

  async find(id: string): Promise<DeviceCommandRecord | null> {
    const rows = (await this.db.query(`SELECT * FROM device_commands WHERE id = $1`, [id])) as DeviceCommandRecord[];
    return rows[0] ? withDates(rows[0]) : null;
  }

  async statusOf(id: string, deviceId: string): Promise<CommandStatus | null> {
    const rows = (await this.db.query(`SELECT status FROM device_commands WHERE id = $1 AND "deviceId" = $2`, [id, deviceId])) as { status: CommandStatus }[];
    return rows[0]?.status ?? null;
  }

  /** A command of the same device and supersede key issued after this one. */
  async newerExists(row: Pick<DeviceCommandRecord, 'id' | 'deviceId' | 'supersedeKey' | 'createdAt'>): Promise<boolean> {
    if (!row.supersedeKey) return false;
    const rows = (await this.db.query(
      `SELECT 1 FROM device_commands WHERE "deviceId" = $1 AND "supersedeKey" = $2 AND id <> $3 AND "createdAt" > $4 LIMIT 1`,
      [row.deviceId, row.supersedeKey, row.id, row.createdAt],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Queued or sent commands whose expiresAt passed before `cutoff` become timeout (bounded per call). */
  async timeoutExpired(cutoff: Date, at: Date, limit = 1000): Promise<ChangedCommand[]> {
    const t = commandTransition('deadline_passed');
    return (await this.db.query(
      `WITH u AS (
         UPDATE device_commands SET status = $1, "completedAt" = $2
         WHERE id IN (SELECT id FROM device_commands WHERE status = ANY($3) AND "expiresAt" < $4 LIMIT $5 FOR UPDATE SKIP LOCKED)
           AND status = ANY($3) ${RETURNING}
       ) SELECT * FROM u`,
      [t.to, at, t.from, cutoff, limit],
    )) as ChangedCommand[];
  }

  /** Config deliveries of these devices up to the reported version are acked (telemetry is the ack). */
  async ackConfigUpTo(reports: { deviceId: string; version: number }[], at: Date): Promise<ChangedCommand[]> {
    if (reports.length === 0) return [];
    const t = commandTransition('ack_ok');
    return (await this.db.query(
      `WITH v AS (SELECT * FROM unnest($1::text[], $2::int[]) AS v(id, cv)),
       u AS (
         UPDATE device_commands c SET status = $3, "completedAt" = $4 FROM v
         WHERE c."deviceId" = v.id AND c.type = 'config' AND c.status = ANY($5) AND (c.data->>'version')::int <= v.cv
         RETURNING c.id, c."deviceId", c.type, c.status, c."requestId", c.durable, c.error, c."completedAt"
       ) SELECT * FROM u`,
      [reports.map((r) => r.deviceId), reports.map((r) => r.version), t.to, at, t.from],
    )) as ChangedCommand[];
  }

  /** A device's commands, newest first, keyset-paginated on (createdAt, id). */
  async history(deviceId: string, limit: number, after?: { v: string | number; id: string }, status?: CommandStatus): Promise<(DeviceCommandRecord & { cursorAt: string })[]> {
    const rows = (await this.db.query(
      `SELECT *, to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       FROM device_commands
       WHERE "deviceId" = $1 AND ($2::timestamptz IS NULL OR ("createdAt", id) < ($2::timestamptz, $3::uuid)) AND ($4::text IS NULL OR status = $4)
       ORDER BY "createdAt" DESC, id DESC LIMIT $5`,
      [deviceId, after ? String(after.v) : null, after?.id ?? null, status ?? null, limit],
    )) as (DeviceCommandRecord & { cursorAt: string })[];
    return rows.map(withDates);
  }
}

function withDates<T extends DeviceCommandRecord>(r: T): T {
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...r, expiresAt: d(r.expiresAt)!, sentAt: d(r.sentAt), completedAt: d(r.completedAt), createdAt: d(r.createdAt)! };
}
