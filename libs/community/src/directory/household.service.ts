import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, Principal } from '@app/core';
import type { UnitRelation } from './unit-membership.entity';

export interface HouseholdMember {
  residentId: string;
  fullName: string;
  relation: UnitRelation;
  phone: string | null;
  email: string | null;
  since: Date;
}

export interface HouseholdUnit {
  unitId: string;
  siteId: string;
  buildingId: string;
  buildingCode: string;
  buildingName: string;
  number: string;
  floor: number | null;
  /** The caller's own relation to the unit. */
  relation: UnitRelation;
  members: HouseholdMember[];
}

export interface Household {
  residentId: string;
  units: HouseholdUnit[];
}

/** A resident's household: the units they actively belong to, with everyone living there. */
@Injectable()
export class HouseholdService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forResident(principal: Principal): Promise<Household> {
    const residentId = principal.residentId;
    if (!residentId) throw DomainError.forbidden('Only residents have a household');
    // Read from the database, not the token: a membership ended a minute ago must already be gone.
    const units: (Omit<HouseholdUnit, 'members'>)[] = await this.db.query(
      `SELECT u.id AS "unitId", u."siteId", u."buildingId", b.code AS "buildingCode", b.name AS "buildingName", u.number, u.floor, m.relation
         FROM unit_memberships m JOIN units u ON u.id = m."unitId" JOIN buildings b ON b.id = u."buildingId"
        WHERE m."residentId" = $1 AND m.active
        ORDER BY b.code, u.number`,
      [residentId],
    );
    const members: (HouseholdMember & { unitId: string })[] = units.length
      ? await this.db.query(
          `SELECT m."unitId", r.id AS "residentId", r."fullName", m.relation, r.phone, r.email, m.since
             FROM unit_memberships m JOIN residents r ON r.id = m."residentId"
            WHERE m."unitId" = ANY($1) AND m.active
            ORDER BY m.since, r."fullName"`,
          [units.map((u) => u.unitId)],
        )
      : [];
    return {
      residentId,
      units: units.map((u) => ({ ...u, members: members.filter((x) => x.unitId === u.unitId).map(({ unitId: _, ...x }) => x) })),
    };
  }
}
