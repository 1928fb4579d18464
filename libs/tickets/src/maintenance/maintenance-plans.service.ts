import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { validatePlanSchedule } from '../domain';
import { CreateMaintenancePlanDto, MaintenancePlanQueryDto, UpdateMaintenancePlanDto } from './dto/maintenance-plan.dto';
import { MaintenancePlan } from './maintenance-plan.entity';
import { MaintenanceSchedules } from './maintenance-schedules.service';

@Injectable()
export class MaintenancePlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedules: MaintenanceSchedules,
    private readonly audit: AuditService,
  ) {}

  async list(p: Principal, q: MaintenancePlanQueryDto): Promise<Page<MaintenancePlan>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const qb = this.db.getRepository(MaintenancePlan).createQueryBuilder('p').orderBy('p.createdAt', 'ASC').addOrderBy('p.id', 'ASC').limit(limit + 1);
    if (q.siteId) {
      if (!canReachSite(p, q.siteId)) return { items: [], nextCursor: null };
      qb.andWhere('p.siteId = :site', { site: q.siteId });
    } else if (p.role !== 'admin') {
      if (!p.siteIds.length) return { items: [], nextCursor: null };
      qb.andWhere('p.siteId IN (:...sites)', { sites: p.siteIds });
    }
    if (after) qb.andWhere('(p.createdAt, p.id) > (:v, :id)', { v: new Date(String(after.v)), id: after.id });
    return toPage(await qb.getMany(), limit, (x) => ({ v: x.createdAt.toISOString(), id: x.id }));
  }

  async get(p: Principal, id: string): Promise<MaintenancePlan> {
    const plan = await this.db.getRepository(MaintenancePlan).findOneBy({ id });
    if (!plan || !canReachSite(p, plan.siteId)) throw DomainError.notFound('Maintenance plan', id);
    return plan;
  }

  async create(p: Principal, dto: CreateMaintenancePlanDto): Promise<MaintenancePlan> {
    if (!canReachSite(p, dto.siteId)) throw DomainError.notFound('Site', dto.siteId);
    this.checkSchedule(dto.pattern ?? null, dto.everyMs ?? null);
    const timeZone = await this.siteZone(dto.siteId, dto.buildingId);
    const plan = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(MaintenancePlan).save(
        m.getRepository(MaintenancePlan).create({
          siteId: dto.siteId,
          buildingId: dto.buildingId ?? null,
          title: dto.title,
          description: dto.description ?? '',
          category: dto.category,
          priority: dto.priority ?? 'normal',
          location: dto.location,
          pattern: dto.pattern?.trim() || null,
          everyMs: dto.everyMs ?? null,
          active: true,
          createdByAccountId: p.accountId,
        }),
      );
      await this.audit.record(p, { action: 'maintenance-plan.create', entityType: 'maintenance_plan', entityId: saved.id, siteId: saved.siteId, after: { ...saved } }, m);
      return saved;
    });
    await this.schedules.apply(plan, timeZone);
    return plan;
  }

  async update(p: Principal, id: string, dto: UpdateMaintenancePlanDto): Promise<MaintenancePlan> {
    const before = await this.get(p, id);
    const next: MaintenancePlan = { ...before };
    if (dto.title !== undefined) next.title = dto.title;
    if (dto.description !== undefined) next.description = dto.description;
    if (dto.category !== undefined) next.category = dto.category;
    if (dto.priority !== undefined) next.priority = dto.priority;
    if (dto.location !== undefined) next.location = dto.location;
    if (dto.buildingId !== undefined) next.buildingId = dto.buildingId;
    if (dto.active !== undefined) next.active = dto.active;
    // A new schedule replaces the old one entirely (pattern or interval).
    if (dto.pattern !== undefined || dto.everyMs !== undefined) {
      next.pattern = dto.pattern?.trim() || null;
      next.everyMs = dto.everyMs ?? null;
    }
    this.checkSchedule(next.pattern, next.everyMs);
    const timeZone = await this.siteZone(next.siteId, next.buildingId ?? undefined);
    const saved = await this.db.transaction(async (m) => {
      const s = await m.getRepository(MaintenancePlan).save(next);
      await this.audit.record(p, { action: 'maintenance-plan.update', entityType: 'maintenance_plan', entityId: id, siteId: s.siteId, before: { ...before }, after: { ...s } }, m);
      return s;
    });
    await this.schedules.apply(saved, timeZone);
    return saved;
  }

  private checkSchedule(pattern: string | null, everyMs: number | null): void {
    const errors = validatePlanSchedule({ pattern: pattern ?? undefined, everyMs: everyMs ?? undefined });
    if (errors.length) throw DomainError.badRequest(`Validation failed: ${errors.join('; ')}`, errors.map((reason) => ({ field: reason.startsWith('everyMs') ? 'everyMs' : 'pattern', reason })));
  }

  private async siteZone(siteId: string, buildingId?: string | null): Promise<string> {
    const [site]: { timezone: string }[] = await this.db.query(`SELECT timezone FROM sites WHERE id = $1`, [siteId]);
    if (!site) throw DomainError.notFound('Site', siteId);
    if (buildingId) {
      const rows: unknown[] = await this.db.query(`SELECT 1 FROM buildings WHERE id = $1 AND "siteId" = $2`, [buildingId, siteId]);
      if (!rows.length) throw DomainError.badRequest('Validation failed: buildingId is not a building of this site', [{ field: 'buildingId', reason: 'is not a building of this site' }]);
    }
    return site.timezone;
  }
}
