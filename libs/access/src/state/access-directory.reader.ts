import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { endianness } from 'node:os';
import { DataSource } from 'typeorm';
import type { GateMode } from '@app/contracts';
import type { CustomAccessPolicy, GateZone, HolidayException, SiteAccessConfig } from '../domain';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface ResidentRow {
  id: string;
  siteId: string;
  fullName: string;
  status: 'active' | 'moved_out';
  unitIds: string[];
  buildingIds: string[];
  accountId: string | null;
}

export interface StaffRow {
  id: string;
  fullName: string;
  position: string;
  skills: string[];
  siteIds: string[];
  active: boolean;
  accountId: string | null;
}

export interface PassRow {
  id: string;
  siteId: string;
  unitId: string;
  hostResidentId: string;
  visitorName: string;
  validFrom: Date;
  validUntil: Date;
  maxUses: number;
  uses: number;
  gateIds: string[] | null;
  status: 'active' | 'revoked';
  tokenHash: string;
}

export interface GateSettingsRow {
  deviceId: string;
  siteId: string;
  mode: GateMode;
  zone: GateZone | null;
  heldOpenSeconds: number;
}

export interface TemplateRow {
  residentId: string;
  siteId: string;
  vector: Float32Array;
}

const RESIDENTS_SQL = `
  SELECT r.id, r."siteId", r."fullName", r.status, a.id AS "accountId",
         COALESCE(array_agg(DISTINCT m."unitId"::text) FILTER (WHERE m."unitId" IS NOT NULL), '{}')::text[] AS "unitIds",
         COALESCE(array_agg(DISTINCT u."buildingId"::text) FILTER (WHERE u."buildingId" IS NOT NULL), '{}')::text[] AS "buildingIds"
    FROM residents r
    LEFT JOIN unit_memberships m ON m."residentId" = r.id AND m.active
    LEFT JOIN units u ON u.id = m."unitId"
    LEFT JOIN accounts a ON a."residentId" = r.id`;

const STAFF_SQL = `
  SELECT s.id, s."fullName", s.position, s.skills::text[] AS skills, s."siteIds"::text[] AS "siteIds", s.active, a.id AS "accountId"
    FROM staff s LEFT JOIN accounts a ON a."staffId" = s.id`;

const PASS_SQL = `
  SELECT id, "siteId", "unitId", "hostResidentId", "visitorName", "validFrom", "validUntil", "maxUses", uses, "gateIds", status, "tokenHash"
    FROM visitor_passes`;

/** The directory reads behind the in-memory access state (bulk at start, by id on change). */
@Injectable()
export class AccessDirectoryReader {
  private readonly littleEndian = endianness() === 'LE';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async now(): Promise<Date> {
    return ((await this.db.query('SELECT now() AS now')) as { now: Date }[])[0].now;
  }

  async activeResidents(): Promise<ResidentRow[]> {
    return this.db.query(`${RESIDENTS_SQL} WHERE r.status = 'active' GROUP BY r.id, a.id`);
  }

  async residentsByIds(ids: readonly string[]): Promise<ResidentRow[]> {
    if (ids.length === 0) return [];
    return this.db.query(`${RESIDENTS_SQL} WHERE r.id = ANY($1::uuid[]) GROUP BY r.id, a.id`, [ids]);
  }

  /** Residents whose record or memberships changed since `since` (the periodic safety net). */
  async residentsChangedSince(since: Date): Promise<ResidentRow[]> {
    return this.db.query(
      `${RESIDENTS_SQL}
        WHERE r."updatedAt" >= $1
           OR EXISTS (SELECT 1 FROM unit_memberships cm WHERE cm."residentId" = r.id AND (cm.since >= $1 OR cm.until >= $1))
        GROUP BY r.id, a.id`,
      [since],
    );
  }

  async staff(where: { ids?: readonly string[]; since?: Date } = {}): Promise<StaffRow[]> {
    if (where.ids) return where.ids.length ? this.db.query(`${STAFF_SQL} WHERE s.id = ANY($1::uuid[])`, [where.ids]) : [];
    if (where.since) return this.db.query(`${STAFF_SQL} WHERE s."updatedAt" >= $1`, [where.since]);
    return this.db.query(STAFF_SQL);
  }

  async sites(since?: Date): Promise<{ id: string; timezone: string }[]> {
    return since ? this.db.query(`SELECT id, timezone FROM sites WHERE "updatedAt" >= $1`, [since]) : this.db.query(`SELECT id, timezone FROM sites`);
  }

  async gateSettings(deviceIds?: readonly string[]): Promise<GateSettingsRow[]> {
    const sql = `SELECT "deviceId", "siteId", mode, zone, "heldOpenSeconds" FROM access_gates`;
    return deviceIds ? this.db.query(`${sql} WHERE "deviceId" = ANY($1::text[])`, [deviceIds]) : this.db.query(sql);
  }

  /** Passes that can still matter at a gate (not long expired). */
  async livePasses(since?: Date): Promise<PassRow[]> {
    return since
      ? this.db.query(`${PASS_SQL} WHERE "validUntil" > now() - interval '1 day' AND "createdAt" >= $1`, [since])
      : this.db.query(`${PASS_SQL} WHERE "validUntil" > now() - interval '1 day'`);
  }

  async passesByIds(ids: readonly string[]): Promise<PassRow[]> {
    return ids.length ? this.db.query(`${PASS_SQL} WHERE id = ANY($1::uuid[])`, [ids]) : [];
  }

  /** Sites' own access configuration (custom policies, switched-off defaults, holidays); all sites when no ids. */
  async siteAccessConfigs(siteIds?: readonly string[]): Promise<Map<string, SiteAccessConfig>> {
    const where = siteIds ? `WHERE "siteId" = ANY($1::uuid[])` : '';
    const params = siteIds ? [siteIds] : [];
    const [policies, settings] = await Promise.all([
      this.db.query(`SELECT id, "siteId", "groupId", "gateIds", windows, "followsHolidays", label, enabled FROM access_policies ${where} ORDER BY "createdAt", id`, params) as Promise<(CustomAccessPolicy & { siteId: string })[]>,
      this.db.query(`SELECT "siteId", holidays, "disabledDefaultPolicies" FROM site_access_settings ${where}`, params) as Promise<{ siteId: string; holidays: HolidayException[]; disabledDefaultPolicies: string[] }[]>,
    ]);
    const configs = new Map<string, SiteAccessConfig>();
    const of = (siteId: string) => configs.get(siteId) ?? configs.set(siteId, { custom: [], disabledDefaults: [], holidays: [] }).get(siteId)!;
    for (const { siteId, ...p } of policies) (of(siteId).custom as CustomAccessPolicy[]).push(p);
    for (const s of settings) configs.set(s.siteId, { ...of(s.siteId), disabledDefaults: s.disabledDefaultPolicies, holidays: s.holidays });
    return configs;
  }

  /** Templates in pages (keyset on residentId), so 50,000 of them never sit in one result. */
  async templatePage(after: string | null, limit: number): Promise<TemplateRow[]> {
    const rows: { residentId: string; siteId: string; template: Buffer }[] = await this.db.query(
      `SELECT "residentId", "siteId", template FROM face_templates WHERE ($1::uuid IS NULL OR "residentId" > $1::uuid) ORDER BY "residentId" LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ residentId: r.residentId, siteId: r.siteId, vector: this.toVector(r.template) }));
  }

  /** Templates of these residents of a site, for a gate's delta. */
  async templatesOf(siteId: string, residentIds: readonly string[]): Promise<TemplateRow[]> {
    const rows: { residentId: string; siteId: string; template: Buffer }[] = await this.db.query(
      `SELECT "residentId", "siteId", template FROM face_templates WHERE "siteId" = $1 AND "residentId" = ANY($2::uuid[])`,
      [siteId, residentIds],
    );
    return rows.map((r) => ({ residentId: r.residentId, siteId: r.siteId, vector: this.toVector(r.template) }));
  }

  /** A site's templates after `after` in residentId order, for a full library chunk. */
  async siteTemplatePage(siteId: string, after: string | null, limit: number): Promise<TemplateRow[]> {
    const rows: { residentId: string; siteId: string; template: Buffer }[] = await this.db.query(
      // The nil uuid sorts first: one index range from `after` on (an OR with IS NULL would not be one).
      `SELECT "residentId", "siteId", template FROM face_templates
        WHERE "siteId" = $1 AND "residentId" > $2::uuid ORDER BY "siteId", "residentId" LIMIT $3`,
      [siteId, after ?? NIL_UUID, limit],
    );
    return rows.map((r) => ({ residentId: r.residentId, siteId: r.siteId, vector: this.toVector(r.template) }));
  }

  async template(residentId: string): Promise<TemplateRow | null> {
    const rows: { residentId: string; siteId: string; template: Buffer }[] = await this.db.query(
      `SELECT "residentId", "siteId", template FROM face_templates WHERE "residentId" = $1`,
      [residentId],
    );
    return rows.length ? { residentId: rows[0].residentId, siteId: rows[0].siteId, vector: this.toVector(rows[0].template) } : null;
  }

  private toVector(bytes: Buffer): Float32Array {
    if (this.littleEndian) return new Float32Array(new Uint8Array(bytes).buffer); // aligned copy
    const out = new Float32Array(bytes.length / 4);
    for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
    return out;
  }
}

/** A normalized template as stored (float32 little-endian). */
export function templateBytes(unit: Float32Array): Buffer {
  const buf = Buffer.alloc(unit.length * 4);
  for (let i = 0; i < unit.length; i++) buf.writeFloatLE(unit[i], i * 4);
  return buf;
}
