import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, DomainError, Principal } from '@app/core';
import {
  CustomAccessPolicy,
  HolidayException,
  PolicyProblem,
  SiteAccessConfig,
  sitePolicyViews,
  validateCustomPolicy,
  validateHolidays,
} from '../domain';
import { FacelibSyncService } from '../facelib/facelib-sync.service';
import { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader } from '../state/access-directory.reader';
import { AccessState } from '../state/access-state.service';
import { AccessPolicyView, CreateAccessPolicyDto, SiteHolidaysDto, SiteHolidaysView, UpdateAccessPolicyDto } from './dto/access-policy.dto';

const invalid = (problems: PolicyProblem[]) => DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);

/**
 * A site's access policies and holidays, managed by its managers and admins (staff may read).
 * Every change is committed with its audit entry, then applied to decisions on every api instance
 * (AccessState.changed('site'): reload here, Redis message to the others), and the gates' offline
 * libraries are rescoped (each holds only the people it admits around the clock; see README).
 */
@Injectable()
export class SiteAccessPoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reader: AccessDirectoryReader,
    private readonly state: AccessState,
    private readonly links: DeviceLinks,
    private readonly facelib: FacelibSyncService,
  ) {}

  async list(principal: Principal, siteId: string): Promise<AccessPolicyView[]> {
    await this.reachableSite(principal, siteId);
    return this.views(siteId, await this.config(siteId));
  }

  async get(principal: Principal, siteId: string, policyId: string): Promise<AccessPolicyView> {
    return this.find(await this.list(principal, siteId), policyId);
  }

  async create(principal: Principal, siteId: string, dto: CreateAccessPolicyDto): Promise<AccessPolicyView> {
    await this.reachableSite(principal, siteId);
    const policy = { groupId: dto.groupId, gateIds: dto.gateIds, windows: dto.windows ?? null, followsHolidays: dto.followsHolidays ?? false, label: dto.label, enabled: dto.enabled ?? true };
    await this.validate(siteId, policy);
    const id = await this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO access_policies ("siteId", "groupId", "gateIds", windows, "followsHolidays", label, enabled) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING id`,
        [siteId, policy.groupId, policy.gateIds, policy.windows === null ? null : JSON.stringify(policy.windows), policy.followsHolidays, policy.label, policy.enabled],
      )) as { id: string }[];
      await this.audit.record(principal, { action: 'access_policy.create', entityType: 'access_policy', entityId: row.id, siteId, after: policy }, m);
      return row.id;
    });
    return this.applied(siteId, id);
  }

  /** A custom policy changes in any field; a default one can only be switched off or on. */
  async update(principal: Principal, siteId: string, policyId: string, dto: UpdateAccessPolicyDto): Promise<AccessPolicyView> {
    const before = await this.get(principal, siteId, policyId);
    if (before.source === 'default') return this.switchDefault(principal, siteId, before, dto);
    const after = {
      groupId: dto.groupId ?? before.groupId,
      gateIds: dto.gateIds ?? [...before.gateIds],
      windows: dto.windows === undefined ? before.windows : dto.windows,
      followsHolidays: dto.followsHolidays ?? before.followsHolidays,
      label: dto.label ?? before.label,
      enabled: dto.enabled ?? before.enabled,
    };
    await this.validate(siteId, after);
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE access_policies SET "groupId" = $3, "gateIds" = $4, windows = $5::jsonb, "followsHolidays" = $6, label = $7, enabled = $8, "updatedAt" = now() WHERE id = $1 AND "siteId" = $2`,
        [policyId, siteId, after.groupId, after.gateIds, after.windows === null ? null : JSON.stringify(after.windows), after.followsHolidays, after.label, after.enabled],
      );
      await this.audit.record(principal, { action: 'access_policy.update', entityType: 'access_policy', entityId: policyId, siteId, before: { ...before }, after }, m);
    });
    return this.applied(siteId, policyId);
  }

  async remove(principal: Principal, siteId: string, policyId: string): Promise<void> {
    const before = await this.get(principal, siteId, policyId);
    if (before.source === 'default') {
      throw new DomainError('DEFAULT_POLICY', 'conflict', 'A default policy cannot be deleted; switch it off with PATCH {"enabled": false}');
    }
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM access_policies WHERE id = $1 AND "siteId" = $2`, [policyId, siteId]);
      await this.audit.record(principal, { action: 'access_policy.delete', entityType: 'access_policy', entityId: policyId, siteId, before: { ...before } }, m);
    });
    await this.applyEverywhere(siteId);
  }

  async holidays(principal: Principal, siteId: string): Promise<SiteHolidaysView> {
    const timeZone = await this.reachableSite(principal, siteId);
    return { siteId, timeZone, holidays: [...(await this.config(siteId)).holidays] };
  }

  /** Replaces the site's holiday list (local dates in the site's time zone). */
  async setHolidays(principal: Principal, siteId: string, dto: SiteHolidaysDto): Promise<SiteHolidaysView> {
    const timeZone = await this.reachableSite(principal, siteId);
    // Stored exactly as the schedule reads them: no undefined keys, dates in order.
    const holidays: HolidayException[] = dto.holidays
      .map((h) => ({ date: h.date, ...(h.name !== undefined ? { name: h.name } : {}), ...(h.windows?.length ? { windows: h.windows.map((w) => ({ from: w.from, to: w.to })) } : {}) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const problems = validateHolidays(dto.holidays);
    if (problems.length) throw invalid(problems);
    const before = (await this.config(siteId)).holidays;
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO site_access_settings ("siteId", holidays) VALUES ($1, $2::jsonb)
         ON CONFLICT ("siteId") DO UPDATE SET holidays = EXCLUDED.holidays, "updatedAt" = now()`,
        [siteId, JSON.stringify(holidays)],
      );
      await this.audit.record(principal, { action: 'site.holidays_update', entityType: 'site', entityId: siteId, siteId, before: { holidays: before }, after: { holidays } }, m);
    });
    await this.applyEverywhere(siteId);
    return { siteId, timeZone, holidays };
  }

  private async switchDefault(principal: Principal, siteId: string, before: AccessPolicyView, dto: UpdateAccessPolicyDto): Promise<AccessPolicyView> {
    const others = (Object.keys(dto) as (keyof UpdateAccessPolicyDto)[]).filter((k) => k !== 'enabled' && dto[k] !== undefined);
    if (others.length || dto.enabled === undefined) {
      const fields = others.length ? others : ['enabled'];
      throw invalid(fields.map((field) => ({ field, reason: 'a default policy only takes enabled (switch it off and add a custom policy to change it)' })));
    }
    await this.db.transaction(async (m) => {
      const change = dto.enabled ? `array_remove(site_access_settings."disabledDefaultPolicies", $2)` : `array_append(array_remove(site_access_settings."disabledDefaultPolicies", $2), $2)`;
      await m.query(
        `INSERT INTO site_access_settings ("siteId", "disabledDefaultPolicies") VALUES ($1, CASE WHEN $3 THEN '{}'::text[] ELSE ARRAY[$2] END)
         ON CONFLICT ("siteId") DO UPDATE SET "disabledDefaultPolicies" = ${change}, "updatedAt" = now()`,
        [siteId, before.id, dto.enabled],
      );
      await this.audit.record(principal, { action: 'access_policy.update', entityType: 'access_policy', entityId: before.id, siteId, before: { enabled: before.enabled }, after: { enabled: dto.enabled } }, m);
    });
    return this.applied(siteId, before.id);
  }

  /** Reloads the site here and on every instance, then answers from what was committed. */
  private async applied(siteId: string, policyId: string): Promise<AccessPolicyView> {
    await this.applyEverywhere(siteId);
    return this.find(this.views(siteId, await this.config(siteId)), policyId);
  }

  /**
   * Decisions on every instance (reload here first, so the rescope below reads the new policies),
   * then the gates' offline libraries: which faces each gate may hold can change with any policy or
   * holiday (a policy that follows holidays stops being around the clock).
   */
  private async applyEverywhere(siteId: string): Promise<void> {
    await this.state.changed('site', siteId);
    await this.facelib.rescope(siteId);
  }

  private async validate(siteId: string, policy: Pick<CustomAccessPolicy, 'groupId' | 'gateIds' | 'windows'>): Promise<void> {
    const buildings = (await this.db.query(`SELECT id FROM buildings WHERE "siteId" = $1`, [siteId])) as { id: string }[];
    const gateIds = this.links.directory.bySite(siteId, 'gate').map((g) => g.id);
    const problems = validateCustomPolicy(policy, { gateIds, buildingIds: buildings.map((b) => b.id) });
    if (problems.length) throw invalid(problems);
  }

  private async config(siteId: string): Promise<SiteAccessConfig> {
    return (await this.reader.siteAccessConfigs([siteId])).get(siteId) ?? { custom: [], disabledDefaults: [], holidays: [] };
  }

  private views(siteId: string, config: SiteAccessConfig): AccessPolicyView[] {
    const custom = new Map(config.custom.map((c) => [c.id, c]));
    return sitePolicyViews(this.state.siteDirectory(siteId), config).map((v) => ({
      id: v.id,
      source: v.source,
      groupId: v.groupId,
      gateIds: v.gateIds,
      // Custom policies show what staff set; defaults their computed windows.
      windows: custom.has(v.id) ? custom.get(v.id)!.windows : (v.schedule?.windows ?? null),
      followsHolidays: v.followsHolidays,
      label: v.label,
      enabled: v.enabled,
    }));
  }

  private find(views: AccessPolicyView[], policyId: string): AccessPolicyView {
    const view = views.find((v) => v.id === policyId);
    if (!view) throw DomainError.notFound('access policy', policyId);
    return view;
  }

  /** The site's time zone, when the principal may reach the site; else 404 (no existence leak). */
  private async reachableSite(principal: Principal, siteId: string): Promise<string> {
    const [site] = (await this.db.query(`SELECT id, timezone FROM sites WHERE id = $1`, [siteId])) as { id: string; timezone: string }[];
    if (!site || !canReachSite(principal, siteId)) throw DomainError.notFound('site', siteId);
    return site.timezone;
  }
}
