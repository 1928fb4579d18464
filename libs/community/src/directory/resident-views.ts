import { EntityManager } from 'typeorm';
import { Resident, ResidentStatus } from './resident.entity';
import type { UnitRelation } from './unit-membership.entity';

// What the API returns for residents: the row plus the units it actively belongs to (and, for staff,
// the state of the login), loaded for a whole page in two queries.

export interface ResidentUnitView {
  unitId: string;
  buildingId: string;
  buildingCode: string;
  unitNumber: string;
  relation: UnitRelation;
  since: Date;
}

export interface ResidentAccountView {
  id: string;
  disabled: boolean;
  /** False for imported residents until a manager sets a password: they cannot sign in yet. */
  passwordSet: boolean;
}

export interface ResidentView {
  id: string;
  siteId: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  status: ResidentStatus;
  movedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  units: ResidentUnitView[];
  account?: ResidentAccountView | null;
}

export async function loadResidentViews(m: EntityManager, residents: Resident[], withAccount: boolean): Promise<ResidentView[]> {
  if (residents.length === 0) return [];
  const ids = residents.map((r) => r.id);
  const units: (ResidentUnitView & { residentId: string })[] = await m.query(
    `SELECT m."residentId", m."unitId", u."buildingId", b.code AS "buildingCode", u.number AS "unitNumber", m.relation, m.since
       FROM unit_memberships m JOIN units u ON u.id = m."unitId" JOIN buildings b ON b.id = u."buildingId"
      WHERE m."residentId" = ANY($1) AND m.active
      ORDER BY b.code, u.number`,
    [ids],
  );
  const accounts: (ResidentAccountView & { residentId: string })[] = withAccount
    ? await m.query(`SELECT id, "residentId", disabled, "passwordHash" IS NOT NULL AS "passwordSet" FROM accounts WHERE "residentId" = ANY($1)`, [ids])
    : [];
  return residents.map((r) => ({
    id: r.id,
    siteId: r.siteId,
    fullName: r.fullName,
    phone: r.phone,
    email: r.email,
    status: r.status,
    movedOutAt: r.movedOutAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    units: units.filter((u) => u.residentId === r.id).map(({ residentId: _, ...u }) => u),
    ...(withAccount ? { account: accounts.filter((a) => a.residentId === r.id).map(({ residentId: _, ...a }) => a)[0] ?? null } : {}),
  }));
}
