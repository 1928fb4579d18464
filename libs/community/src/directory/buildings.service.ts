import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { Building } from './building.entity';
import { CreateBuildingDto, UpdateBuildingDto } from './dto/building.dto';
import { assertReach, fieldConflict } from './site-scope';
import { Site } from './site.entity';
import { Unit } from './unit.entity';

@Injectable()
export class BuildingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, siteId: string, limit = DEFAULT_PAGE_LIMIT, cursor?: string): Promise<Page<Building>> {
    assertReach(principal, siteId, 'site', siteId);
    const after = decodeCursor(cursor);
    if (!(await this.db.getRepository(Site).existsBy({ id: siteId }))) throw DomainError.notFound('site', siteId);
    const qb = this.db.getRepository(Building).createQueryBuilder('b').where('b.siteId = :siteId', { siteId }).orderBy('b.code', 'ASC').addOrderBy('b.id', 'ASC').limit(limit + 1);
    if (after) qb.andWhere('(b.code, b.id) > (:v, :id)', { v: String(after.v), id: after.id });
    return toPage(await qb.getMany(), limit, (b) => ({ v: b.code, id: b.id }));
  }

  async get(principal: Principal, id: string, m: EntityManager = this.db.manager): Promise<Building> {
    const b = await m.getRepository(Building).findOneBy({ id });
    if (!b) throw DomainError.notFound('building', id);
    assertReach(principal, b.siteId, 'building', id);
    return b;
  }

  async create(principal: Principal, siteId: string, dto: CreateBuildingDto): Promise<Building> {
    assertReach(principal, siteId, 'site', siteId);
    return this.db.transaction(async (m) => {
      if (!(await m.getRepository(Site).existsBy({ id: siteId }))) throw DomainError.notFound('site', siteId);
      if (await m.getRepository(Building).existsBy({ siteId, code: dto.code })) throw fieldConflict('BUILDING_CODE_TAKEN', 'code', 'is already used by another building of this site');
      const b = await m.getRepository(Building).save(m.getRepository(Building).create({ siteId, name: dto.name, code: dto.code, floors: dto.floors ?? null }));
      await this.audit.record(principal, { action: 'building.create', entityType: 'building', entityId: b.id, siteId, after: { ...b } }, m);
      return b;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateBuildingDto): Promise<Building> {
    return this.db.transaction(async (m) => {
      const b = await this.get(principal, id, m);
      if (dto.code && dto.code !== b.code && (await m.getRepository(Building).existsBy({ siteId: b.siteId, code: dto.code }))) {
        throw fieldConflict('BUILDING_CODE_TAKEN', 'code', 'is already used by another building of this site');
      }
      const before = { ...b };
      const saved = await m.getRepository(Building).save(m.getRepository(Building).merge(b, dto));
      await this.audit.record(principal, { action: 'building.update', entityType: 'building', entityId: id, siteId: b.siteId, before, after: { ...saved } }, m);
      return saved;
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const b = await this.get(principal, id, m);
      if (await m.getRepository(Unit).existsBy({ buildingId: id })) throw new DomainError('BUILDING_NOT_EMPTY', 'conflict', 'Building still has units; remove them first');
      await m.getRepository(Building).delete({ id });
      await this.audit.record(principal, { action: 'building.delete', entityType: 'building', entityId: id, siteId: b.siteId, before: { ...b } }, m);
    });
  }
}
