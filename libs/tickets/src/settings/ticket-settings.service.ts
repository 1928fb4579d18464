import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, canReachSite, DomainError, FieldProblem, Principal } from '@app/core';
import {
  BusinessCalendar,
  DEFAULT_AUTO_CLOSE_DAYS,
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_SLA_POLICY_TABLE,
  mergeSlaPolicy,
  SlaPolicyOverrides,
  SlaPolicyTable,
  validateBusinessCalendar,
} from '../domain';
import { UpdateTicketSettingsDto } from './dto/ticket-settings.dto';
import { TicketSettings } from './ticket-settings.entity';

export const DEFAULT_CREATE_LIMIT_PER_HOUR = 10;
const SETTINGS_RECHECK_MS = 1000;

/** Everything the ticket services need to know about a site, with the calendar compiled once. */
export interface SiteTicketSettings {
  siteId: string;
  timeZone: string;
  table: SlaPolicyTable;
  calendar: BusinessCalendar;
  autoCloseDays: number;
  createLimitPerHour: number;
  slaPolicy: SlaPolicyOverrides | null;
  calendarOverride: BusinessCalendar | null;
  updatedAt: Date | null;
}

interface SettingsRow {
  timezone: string;
  slaPolicy: SlaPolicyOverrides | null;
  calendar: BusinessCalendar | null;
  autoCloseDays: number | null;
  createLimitPerHour: number | null;
  updatedAt: Date | null;
}

@Injectable()
export class TicketSettingsService {
  // Calendars are compiled and cached per object by the domain: keep one object per site version.
  private readonly cache = new Map<string, { stamp: string; value: SiteTicketSettings; checkedAt: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The site's settings (defaults when it has none); 404 when the site does not exist. */
  async forSite(siteId: string, m: EntityManager = this.db.manager): Promise<SiteTicketSettings> {
    // Re-validated at most once a second per process: another instance's change shows within a second.
    const fresh = this.cache.get(siteId);
    if (fresh && Date.now() - fresh.checkedAt < SETTINGS_RECHECK_MS) return fresh.value;
    const rows: SettingsRow[] = await m.query(
      `SELECT s.timezone, ts."slaPolicy", ts.calendar, ts."autoCloseDays", ts."createLimitPerHour", ts."updatedAt"
         FROM sites s LEFT JOIN ticket_settings ts ON ts."siteId" = s.id WHERE s.id = $1`,
      [siteId],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Site', siteId);
    const stamp = `${row.timezone}|${row.updatedAt ? new Date(row.updatedAt).getTime() : 0}`;
    const hit = this.cache.get(siteId);
    if (hit && hit.stamp === stamp) {
      hit.checkedAt = Date.now();
      return hit.value;
    }
    const merged = mergeSlaPolicy(row.slaPolicy);
    const value: SiteTicketSettings = {
      siteId,
      timeZone: row.timezone,
      // A stored override that no longer validates falls back to the defaults rather than breaking tickets.
      table: merged.ok ? merged.table : DEFAULT_SLA_POLICY_TABLE,
      calendar: row.calendar ?? { ...DEFAULT_BUSINESS_CALENDAR, timeZone: row.timezone },
      autoCloseDays: row.autoCloseDays ?? DEFAULT_AUTO_CLOSE_DAYS,
      createLimitPerHour: row.createLimitPerHour ?? DEFAULT_CREATE_LIMIT_PER_HOUR,
      slaPolicy: row.slaPolicy,
      calendarOverride: row.calendar,
      updatedAt: row.updatedAt ? new Date(row.updatedAt) : null,
    };
    this.cache.set(siteId, { stamp, value, checkedAt: Date.now() });
    return value;
  }

  async get(principal: Principal, siteId: string): Promise<SiteTicketSettings> {
    if (!canReachSite(principal, siteId)) throw DomainError.notFound('Site', siteId);
    return this.forSite(siteId);
  }

  async update(principal: Principal, siteId: string, dto: UpdateTicketSettingsDto): Promise<SiteTicketSettings> {
    if (!canReachSite(principal, siteId)) throw DomainError.notFound('Site', siteId);
    const problems: FieldProblem[] = [];
    if (dto.slaPolicy) {
      const merged = mergeSlaPolicy(dto.slaPolicy);
      if (!merged.ok) problems.push(...merged.errors.map((reason) => ({ field: 'slaPolicy', reason })));
    }
    if (dto.calendar) problems.push(...validateBusinessCalendar(dto.calendar).map((reason) => ({ field: 'calendar', reason })));
    if (problems.length) throw DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);
    const before = await this.forSite(siteId);
    await this.db.transaction(async (m) => {
      await this.ensureRow(m, siteId);
      const set: Partial<TicketSettings> = {};
      if (dto.slaPolicy !== undefined) set.slaPolicy = dto.slaPolicy;
      if (dto.calendar !== undefined) set.calendar = dto.calendar;
      if (dto.autoCloseDays !== undefined) set.autoCloseDays = dto.autoCloseDays;
      if (dto.createLimitPerHour !== undefined) set.createLimitPerHour = dto.createLimitPerHour;
      // Cast: TypeORM's deep-partial type does not accept arbitrary JSON objects for jsonb columns.
      await m.getRepository(TicketSettings).update({ siteId }, set as object);
      this.cache.delete(siteId);
      await this.audit.record(
        principal,
        { action: 'ticket-settings.update', entityType: 'ticket_settings', entityId: siteId, siteId, before: { slaPolicy: before.slaPolicy, calendar: before.calendarOverride, autoCloseDays: before.autoCloseDays, createLimitPerHour: before.createLimitPerHour }, after: { ...dto } },
        m,
      );
    });
    this.cache.delete(siteId);
    return this.forSite(siteId);
  }

  /** Creates the site's settings row if missing (it holds the round-robin pointers too). */
  async ensureRow(m: EntityManager, siteId: string): Promise<void> {
    await m.query(`INSERT INTO ticket_settings ("siteId") VALUES ($1) ON CONFLICT ("siteId") DO NOTHING`, [siteId]);
  }
}
