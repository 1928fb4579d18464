import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { Building } from './building.entity';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { Resident } from './resident.entity';
import { assertReach, fieldConflict, listSites } from './site-scope';
import { Site } from './site.entity';

@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, limit = DEFAULT_PAGE_LIMIT, cursor?: string): Promise<Page<Site>> {
    const after = decodeCursor(cursor);
    const sites = listSites(principal, undefined);
    if (sites?.length === 0) return { items: [], nextCursor: null };
    const qb = this.db.getRepository(Site).createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').limit(limit + 1);
    if (sites) qb.andWhere('s.id IN (:...sites)', { sites });
    if (after) qb.andWhere('(s.name, s.id) > (:v, :id)', { v: String(after.v), id: after.id });
    return toPage(await qb.getMany(), limit, (s) => ({ v: s.name, id: s.id }));
  }

  async get(principal: Principal, id: string): Promise<Site> {
    assertReach(principal, id, 'site', id);
    const site = await this.db.getRepository(Site).findOneBy({ id });
    if (!site) throw DomainError.notFound('site', id);
    return site;
  }

  async create(principal: Principal, dto: CreateSiteDto): Promise<Site> {
    return this.db.transaction(async (m) => {
      if (await m.getRepository(Site).existsBy({ code: dto.code })) throw fieldConflict('SITE_CODE_TAKEN', 'code', 'is already used by another site');
      const site = await m.getRepository(Site).save(m.getRepository(Site).create({ ...dto, timezone: dto.timezone ?? 'Asia/Shanghai', address: dto.address ?? null }));
      await this.audit.record(principal, { action: 'site.create', entityType: 'site', entityId: site.id, siteId: site.id, after: { ...site } }, m);
      return site;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateSiteDto): Promise<Site> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Site);
      const site = await repo.findOneBy({ id });
      if (!site) throw DomainError.notFound('site', id);
      if (dto.code && dto.code !== site.code && (await repo.existsBy({ code: dto.code }))) throw fieldConflict('SITE_CODE_TAKEN', 'code', 'is already used by another site');
      const before = { ...site };
      const saved = await repo.save(repo.merge(site, dto));
      await this.audit.record(principal, { action: 'site.update', entityType: 'site', entityId: id, siteId: id, before, after: { ...saved } }, m);
      return saved;
    });
  }

  /** Only an empty site can go: its buildings and residents would be orphaned otherwise. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const site = await m.getRepository(Site).findOneBy({ id });
      if (!site) throw DomainError.notFound('site', id);
      if ((await m.getRepository(Building).existsBy({ siteId: id })) || (await m.getRepository(Resident).existsBy({ siteId: id }))) {
        throw new DomainError('SITE_NOT_EMPTY', 'conflict', 'Site still has buildings or residents; remove them first');
      }
      await m.getRepository(Site).delete({ id });
      await this.audit.record(principal, { action: 'site.delete', entityType: 'site', entityId: id, siteId: id, before: { ...site } }, m);
    });
  }
}
