import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Principal } from '@app/core';
import { Account } from '../accounts/account.entity';
import { Resident } from '../directory/resident.entity';
import { StaffMember } from '../directory/staff-member.entity';
import { UnitMembership } from '../directory/unit-membership.entity';
import { Unit } from '../directory/unit.entity';

/** Builds who an account is now (its sites and household) from the directory. */
@Injectable()
export class PrincipalLoader {
  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    @InjectRepository(UnitMembership) private readonly memberships: Repository<UnitMembership>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
  ) {}

  /** Null when the person behind the account may no longer sign in (moved out, inactive). */
  async load(account: Account): Promise<Principal | null> {
    if (account.disabled) return null;
    if (account.role === 'resident') {
      if (!account.residentId) return null;
      const resident = await this.residents.findOneBy({ id: account.residentId });
      if (!resident || resident.status !== 'active') return null;
      const ms = await this.memberships.findBy({ residentId: resident.id, active: true });
      const units = ms.length ? await this.units.findBy({ id: In(ms.map((m) => m.unitId)) }) : [];
      return {
        accountId: account.id,
        role: 'resident',
        residentId: resident.id,
        siteIds: [...new Set([resident.siteId, ...units.map((u) => u.siteId)])],
        unitIds: units.map((u) => u.id),
      };
    }
    if (!account.staffId) return null;
    const member = await this.staff.findOneBy({ id: account.staffId });
    if (!member || !member.active) return null;
    return { accountId: account.id, role: account.role, staffId: member.id, siteIds: member.siteIds, unitIds: [] };
  }
}
