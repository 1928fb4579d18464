import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, isStaff, Page, Principal, toPage } from '@app/core';
import { mintVisitorPassToken, visitorPassProblems, visitorPassStatus } from '../domain';
import { DeviceLinks } from '../links/device-links';
import { AccessState } from '../state/access-state.service';
import { CreatedVisitorPass, CreateVisitorPassDto, VisitorPassQueryDto, VisitorPassViewDto } from './dto/visitor-pass.dto';
import { VisitorPass } from './visitor-pass.entity';

/** Visitor passes: residents issue them for their household; staff see their sites'; both revoke. */
@Injectable()
export class VisitorPassesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly state: AccessState,
    private readonly links: DeviceLinks,
  ) {}

  async create(principal: Principal, dto: CreateVisitorPassDto): Promise<CreatedVisitorPass> {
    const residentId = principal.residentId;
    if (!residentId) throw DomainError.forbidden('Only residents issue visitor passes');
    const units = await this.householdUnits(residentId);
    if (units.length === 0) throw DomainError.forbidden('You do not belong to a household');
    const unit = dto.unitId ? units.find((u) => u.unitId === dto.unitId) : units.length === 1 ? units[0] : undefined;
    if (!unit) {
      throw DomainError.badRequest(dto.unitId ? 'unitId is not one of your units' : 'unitId is required when you belong to several units', [
        { field: 'unitId', reason: dto.unitId ? 'is not one of your units' : 'is required when you belong to several units' },
      ]);
    }
    const siteGates = new Set(this.links.directory.bySite(unit.siteId, 'gate').map((g) => g.id));
    const gateIds = dto.gateIds && dto.gateIds.length ? [...new Set(dto.gateIds)] : null;
    const problems = visitorPassProblems({ validFrom: dto.validFrom, validUntil: dto.validUntil, maxUses: dto.maxUses, gateIds }, siteGates, Date.now());
    if (problems.length) throw DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);
    const id = randomUUID();
    const { token, tokenHash } = mintVisitorPassToken(id);
    await this.db.transaction(async (m) => {
      await m.getRepository(VisitorPass).insert({
        id,
        siteId: unit.siteId,
        unitId: unit.unitId,
        hostResidentId: residentId,
        createdByAccountId: principal.accountId,
        visitorName: dto.visitorName.trim(),
        phone: dto.phone ?? null,
        validFrom: dto.validFrom,
        validUntil: dto.validUntil,
        maxUses: dto.maxUses,
        gateIds,
        tokenHash,
      });
      await this.audit.record(principal, { action: 'visitor_pass.create', entityType: 'visitor_pass', entityId: id, siteId: unit.siteId, after: { unitId: unit.unitId, validFrom: dto.validFrom.toISOString(), validUntil: dto.validUntil.toISOString(), maxUses: dto.maxUses, gateIds } }, m);
    });
    await this.state.changed('pass', id);
    return { ...(await this.view(id)), token };
  }

  async list(principal: Principal, q: VisitorPassQueryDto): Promise<Page<VisitorPassViewDto>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const qb = this.db.getRepository(VisitorPass).createQueryBuilder('p').orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').limit(limit + 1);
    if (principal.role === 'resident') {
      const units = (await this.householdUnits(principal.residentId!)).map((u) => u.unitId);
      if (units.length === 0) return { items: [], nextCursor: null };
      qb.andWhere('p.unitId IN (:...units)', { units });
    } else if (principal.role !== 'admin') {
      if (principal.siteIds.length === 0) return { items: [], nextCursor: null };
      qb.andWhere('p.siteId IN (:...sites)', { sites: principal.siteIds });
    }
    if (q.siteId) qb.andWhere('p.siteId = :siteId', { siteId: q.siteId });
    if (q.unitId) qb.andWhere('p.unitId = :unitId', { unitId: q.unitId });
    if (q.status) {
      const conditions: Record<string, string> = {
        revoked: `p.status = 'revoked'`,
        expired: `p.status = 'active' AND p."validUntil" <= now()`,
        used_up: `p.status = 'active' AND p."validUntil" > now() AND p.uses >= p."maxUses"`,
        upcoming: `p.status = 'active' AND p."validUntil" > now() AND p.uses < p."maxUses" AND p."validFrom" > now()`,
        active: `p.status = 'active' AND p."validUntil" > now() AND p.uses < p."maxUses" AND p."validFrom" <= now()`,
      };
      qb.andWhere(conditions[q.status]);
    }
    if (after) qb.andWhere('(p.createdAt, p.id) < (:v, :id)', { v: new Date(String(after.v)), id: after.id });
    const page = toPage(await qb.getMany(), limit, (p) => ({ v: p.createdAt.toISOString(), id: p.id }));
    return { items: page.items.map((p) => toView(p)), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<VisitorPassViewDto> {
    const pass = await this.reachable(principal, id);
    return toView(pass);
  }

  async revoke(principal: Principal, id: string): Promise<VisitorPassViewDto> {
    const pass = await this.reachable(principal, id);
    if (pass.status === 'revoked') return toView(pass);
    await this.db.transaction(async (m) => {
      await m.getRepository(VisitorPass).update({ id }, { status: 'revoked', revokedAt: new Date(), revokedByAccountId: principal.accountId });
      await this.audit.record(principal, { action: 'visitor_pass.revoke', entityType: 'visitor_pass', entityId: id, siteId: pass.siteId }, m);
    });
    await this.state.changed('pass', id);
    return this.view(id);
  }

  /** Residents reach their household's passes, staff their sites'; anything else is not found. */
  private async reachable(principal: Principal, id: string): Promise<VisitorPass> {
    const pass = await this.db.getRepository(VisitorPass).findOneBy({ id });
    let ok = false;
    if (pass && principal.role === 'resident') ok = (await this.householdUnits(principal.residentId!)).some((u) => u.unitId === pass.unitId);
    else if (pass && isStaff(principal)) ok = canReachSite(principal, pass.siteId);
    if (!pass || !ok) throw DomainError.notFound('visitor pass', id);
    return pass;
  }

  private async view(id: string): Promise<VisitorPassViewDto> {
    return toView(await this.db.getRepository(VisitorPass).findOneByOrFail({ id }));
  }

  /** Read from the database, not the token: a membership ended a minute ago must already count. */
  private async householdUnits(residentId: string): Promise<{ unitId: string; siteId: string }[]> {
    return this.db.query(
      `SELECT u.id AS "unitId", u."siteId" FROM unit_memberships m JOIN units u ON u.id = m."unitId" JOIN residents r ON r.id = m."residentId"
        WHERE m."residentId" = $1 AND m.active AND r.status = 'active'`,
      [residentId],
    );
  }
}

function toView(p: VisitorPass): VisitorPassViewDto {
  return {
    id: p.id,
    siteId: p.siteId,
    unitId: p.unitId,
    hostResidentId: p.hostResidentId,
    visitorName: p.visitorName,
    phone: p.phone,
    validFrom: p.validFrom.toISOString(),
    validUntil: p.validUntil.toISOString(),
    maxUses: p.maxUses,
    uses: p.uses,
    usesLeft: Math.max(0, p.maxUses - p.uses),
    gateIds: p.gateIds,
    status: visitorPassStatus(p, Date.now()),
    createdAt: p.createdAt.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  };
}
