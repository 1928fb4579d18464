import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, DomainError, Principal } from '@app/core';
import { Account } from '../accounts/account.entity';
import { Resident } from '../directory/resident.entity';
import { assertReach } from '../directory/site-scope';
import { Site } from '../directory/site.entity';
import { UnitMembership } from '../directory/unit-membership.entity';
import { normalizeEmail, normalizePhone } from '../domain/login-identifier';
import { AcceptedImportRow, ImportSiteIndex, RejectedImportRow, validateResidentImport } from '../domain/validate-resident-import';
import { parseResidentsCsv } from './parse-residents-csv';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
// Rows per INSERT: 1,000 x 6 columns stays far below Postgres's 65,535 bind parameters.
const CHUNK = 1000;

export interface ImportReport {
  total: number;
  accepted: number;
  rejected: RejectedImportRow[];
  /** True only when every row was valid, this was not a dry run, and all rows were committed. */
  imported: boolean;
}

/** Onboards a community from a CSV file: every row checked, then all imported or none. */
@Injectable()
export class ResidentsImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(principal: Principal, siteId: string, csv: string, dryRun: boolean): Promise<ImportReport> {
    assertReach(principal, siteId, 'site', siteId);
    const { positions, rows } = parseResidentsCsv(csv, MAX_IMPORT_ROWS);
    // One transaction for reading what exists and writing: the checks and the insert see the same data.
    return this.db.transaction(async (m) => {
      if (!(await m.getRepository(Site).existsBy({ id: siteId }))) throw DomainError.notFound('site', siteId);
      const phones = rows.map((r) => r.values[positions.phone] ?? '').filter(Boolean);
      const emails = rows.map((r) => r.values[positions.email] ?? '').filter(Boolean);
      const site = await this.siteIndex(m, siteId, phones, emails);
      const v = validateResidentImport(rows, positions, site);
      const report = { total: v.total, accepted: v.accepted.length, rejected: v.rejected, imported: false };
      if (dryRun || v.rejected.length > 0 || v.accepted.length === 0) return report;
      await this.insert(m, siteId, v.accepted);
      await this.audit.record(principal, { action: 'resident.import', entityType: 'site', entityId: siteId, siteId, after: { rows: v.accepted.length } }, m);
      return { ...report, imported: true };
    });
  }

  private async siteIndex(m: EntityManager, siteId: string, rawPhones: string[], rawEmails: string[]): Promise<ImportSiteIndex> {
    const unitRows: { code: string; number: string; id: string }[] = await m.query(`SELECT b.code, u.number, u.id FROM units u JOIN buildings b ON b.id = u."buildingId" WHERE b."siteId" = $1`, [siteId]);
    const units = new Map<string, Map<string, string>>();
    for (const u of unitRows) {
      if (!units.has(u.code)) units.set(u.code, new Map());
      units.get(u.code)!.set(u.number, u.id);
    }
    // Only the logins the file mentions are looked up, in the normalized form they are stored in.
    const phones = [...new Set(rawPhones.map(normalizePhone).filter((p): p is string => p !== null))];
    const emails = [...new Set(rawEmails.map(normalizeEmail).filter((e): e is string => e !== null))];
    const residentPhones: { phone: string }[] = phones.length ? await m.query(`SELECT phone FROM residents WHERE "siteId" = $1 AND phone = ANY($2)`, [siteId, phones]) : [];
    const loginPhones: { phone: string }[] = phones.length ? await m.query(`SELECT phone FROM accounts WHERE phone = ANY($1)`, [phones]) : [];
    const loginEmails: { email: string }[] = emails.length ? await m.query(`SELECT email FROM accounts WHERE email = ANY($1)`, [emails]) : [];
    return {
      units,
      residentPhones: new Set(residentPhones.map((r) => r.phone)),
      loginPhones: new Set(loginPhones.map((r) => r.phone)),
      loginEmails: new Set(loginEmails.map((r) => r.email)),
    };
  }

  private async insert(m: EntityManager, siteId: string, rows: AcceptedImportRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, id: randomUUID() }));
      await m.createQueryBuilder().insert().into(Resident).values(chunk.map((r) => ({ id: r.id, siteId, fullName: r.fullName, phone: r.phone, email: r.email, status: 'active' as const }))).updateEntity(false).execute();
      await m.createQueryBuilder().insert().into(UnitMembership).values(chunk.map((r) => ({ residentId: r.id, unitId: r.unitId, relation: r.relation, active: true }))).updateEntity(false).execute();
      // No password: imported residents cannot sign in until a manager sets one.
      await m.createQueryBuilder().insert().into(Account).values(chunk.map((r) => ({ role: 'resident' as const, phone: r.phone, email: r.email, residentId: r.id, passwordHash: null }))).updateEntity(false).execute();
    }
  }
}
