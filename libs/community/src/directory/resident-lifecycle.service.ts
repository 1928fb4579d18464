import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService, DomainError, Principal } from '@app/core';
import { Account } from '../accounts/account.entity';
import { RefreshToken } from '../accounts/refresh-token.entity';
import { MembershipInputDto } from './dto/resident.dto';
import { ResidentEvents, ResidentMovedOut } from './resident-events.service';
import { ResidentView } from './resident-views';
import { Resident } from './resident.entity';
import { ResidentsService } from './residents.service';
import { UnitMembership } from './unit-membership.entity';
import { Unit } from './unit.entity';

/** Moving in (memberships) and out; history is kept: memberships are ended, never deleted. */
@Injectable()
export class ResidentLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly residents: ResidentsService,
    private readonly events: ResidentEvents,
    private readonly audit: AuditService,
  ) {}

  async moveOut(principal: Principal, id: string): Promise<ResidentView> {
    const event = await this.db.transaction(async (m): Promise<ResidentMovedOut> => {
      const r = await this.residents.reachableResident(m, principal, id);
      if (r.status === 'moved_out') throw new DomainError('RESIDENT_ALREADY_MOVED_OUT', 'conflict', 'Resident has already moved out');
      const at = new Date();
      const ended = await m.getRepository(UnitMembership).findBy({ residentId: id, active: true });
      await m.getRepository(UnitMembership).update({ residentId: id, active: true }, { active: false, until: at });
      await m.getRepository(Resident).update({ id }, { status: 'moved_out', movedOutAt: at });
      const account = await m.getRepository(Account).findOneBy({ residentId: id });
      if (account) {
        // Disabled accounts cannot refresh; revoking the tokens too leaves nothing usable behind.
        await m.getRepository(Account).update({ id: account.id }, { disabled: true });
        await m.getRepository(RefreshToken).update({ accountId: account.id, revokedAt: IsNull() }, { revokedAt: at });
      }
      await this.audit.record(
        principal,
        { action: 'resident.move_out', entityType: 'resident', entityId: id, siteId: r.siteId, before: { status: r.status, unitIds: ended.map((e) => e.unitId) }, after: { status: 'moved_out', movedOutAt: at.toISOString() } },
        m,
      );
      return { residentId: id, siteId: r.siteId, unitIds: ended.map((e) => e.unitId), accountId: account?.id ?? null, at };
    });
    this.events.emitMovedOut(event);
    return this.residents.get(principal, id);
  }

  async addMembership(principal: Principal, id: string, dto: MembershipInputDto): Promise<ResidentView> {
    const siteId = await this.db.transaction(async (m) => {
      const r = await this.residents.reachableResident(m, principal, id);
      if (r.status !== 'active') throw new DomainError('RESIDENT_MOVED_OUT', 'conflict', 'Resident has moved out; create a new resident record instead');
      const unit = await m.getRepository(Unit).findOneBy({ id: dto.unitId });
      // Only units of the resident's own site; any other unit is the same 400 whether it exists or not.
      if (!unit || unit.siteId !== r.siteId) throw DomainError.badRequest('unitId is not a unit of this resident\'s site', [{ field: 'unitId', reason: "is not a unit of this resident's site" }]);
      if (await m.getRepository(UnitMembership).existsBy({ residentId: id, unitId: dto.unitId, active: true })) {
        throw new DomainError('ALREADY_MEMBER', 'conflict', 'Resident already belongs to this unit');
      }
      const ms = await m.getRepository(UnitMembership).save(m.getRepository(UnitMembership).create({ residentId: id, unitId: dto.unitId, relation: dto.relation, active: true }));
      await this.audit.record(principal, { action: 'resident.membership_add', entityType: 'resident', entityId: id, siteId: r.siteId, after: { ...ms } }, m);
      return r.siteId;
    });
    this.events.emitHouseholdChanged({ residentId: id, siteId, unitId: dto.unitId, change: 'joined', at: new Date() });
    return this.residents.get(principal, id);
  }

  async removeMembership(principal: Principal, id: string, unitId: string): Promise<ResidentView> {
    const siteId = await this.db.transaction(async (m) => {
      const r = await this.residents.reachableResident(m, principal, id);
      const ms = await m.getRepository(UnitMembership).findOneBy({ residentId: id, unitId, active: true });
      if (!ms) throw DomainError.notFound('membership');
      await m.getRepository(UnitMembership).update({ id: ms.id }, { active: false, until: new Date() });
      await this.audit.record(principal, { action: 'resident.membership_end', entityType: 'resident', entityId: id, siteId: r.siteId, before: { ...ms } }, m);
      return r.siteId;
    });
    this.events.emitHouseholdChanged({ residentId: id, siteId, unitId, change: 'left', at: new Date() });
    return this.residents.get(principal, id);
  }
}
