import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { BuildingsService } from './buildings.service';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { assertReach, fieldConflict } from './site-scope';
import { UnitMembership } from './unit-membership.entity';
import { Unit } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly buildings: BuildingsService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, buildingId: string, limit = DEFAULT_PAGE_LIMIT, cursor?: string): Promise<Page<Unit>> {
    const after = decodeCursor(cursor);
    await this.buildings.get(principal, buildingId);
    // Numbers sort as text ("1001" before "201"); the cursor only needs a stable order.
    const qb = this.db.getRepository(Unit).createQueryBuilder('u').where('u.buildingId = :buildingId', { buildingId }).orderBy('u.number', 'ASC').addOrderBy('u.id', 'ASC').limit(limit + 1);
    if (after) qb.andWhere('(u.number, u.id) > (:v, :id)', { v: String(after.v), id: after.id });
    return toPage(await qb.getMany(), limit, (u) => ({ v: u.number, id: u.id }));
  }

  async get(principal: Principal, id: string, m: EntityManager = this.db.manager): Promise<Unit> {
    const u = await m.getRepository(Unit).findOneBy({ id });
    if (!u) throw DomainError.notFound('unit', id);
    assertReach(principal, u.siteId, 'unit', id);
    return u;
  }

  async create(principal: Principal, buildingId: string, dto: CreateUnitDto): Promise<Unit> {
    return this.db.transaction(async (m) => {
      const b = await this.buildings.get(principal, buildingId, m);
      if (await m.getRepository(Unit).existsBy({ buildingId, number: dto.number })) throw fieldConflict('UNIT_NUMBER_TAKEN', 'number', 'is already used by another unit of this building');
      const u = await m.getRepository(Unit).save(m.getRepository(Unit).create({ siteId: b.siteId, buildingId, number: dto.number, floor: dto.floor ?? null }));
      await this.audit.record(principal, { action: 'unit.create', entityType: 'unit', entityId: u.id, siteId: b.siteId, after: { ...u } }, m);
      return u;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateUnitDto): Promise<Unit> {
    return this.db.transaction(async (m) => {
      const u = await this.get(principal, id, m);
      if (dto.number && dto.number !== u.number && (await m.getRepository(Unit).existsBy({ buildingId: u.buildingId, number: dto.number }))) {
        throw fieldConflict('UNIT_NUMBER_TAKEN', 'number', 'is already used by another unit of this building');
      }
      const before = { ...u };
      const saved = await m.getRepository(Unit).save(m.getRepository(Unit).merge(u, dto));
      await this.audit.record(principal, { action: 'unit.update', entityType: 'unit', entityId: id, siteId: u.siteId, before, after: { ...saved } }, m);
      return saved;
    });
  }

  /** A unit anyone ever lived in keeps its history; only never-used units can be deleted. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const u = await this.get(principal, id, m);
      if (await m.getRepository(UnitMembership).existsBy({ unitId: id })) throw new DomainError('UNIT_IN_USE', 'conflict', 'Unit has (or had) residents; it cannot be deleted');
      await m.getRepository(Unit).delete({ id });
      await this.audit.record(principal, { action: 'unit.delete', entityType: 'unit', entityId: id, siteId: u.siteId, before: { ...u } }, m);
    });
  }
}
