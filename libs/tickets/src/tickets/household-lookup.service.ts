import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@app/core';
import { TicketViewer } from '../domain';

export interface HouseholdUnitRef {
  unitId: string;
  siteId: string;
  buildingId: string;
}

/** A resident's household read from the directory (a membership ended a minute ago is already gone). */
@Injectable()
export class HouseholdLookup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async units(residentId: string, m: EntityManager = this.db.manager): Promise<HouseholdUnitRef[]> {
    return m.query(
      `SELECT u.id AS "unitId", u."siteId", u."buildingId" FROM unit_memberships mb JOIN units u ON u.id = mb."unitId" WHERE mb."residentId" = $1 AND mb.active`,
      [residentId],
    );
  }

  /** The viewer with current household units (staff: from the token). */
  async viewer(p: Principal, m?: EntityManager): Promise<TicketViewer> {
    if (p.role !== 'resident') return { role: p.role, accountId: p.accountId, unitIds: [], siteIds: p.siteIds };
    const units = p.residentId ? await this.units(p.residentId, m) : [];
    return { role: 'resident', accountId: p.accountId, residentId: p.residentId, unitIds: units.map((u) => u.unitId), siteIds: p.siteIds };
  }
}
