import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { AppConfig } from '@app/core';
import { Account } from '../accounts/account.entity';
import { hashPassword } from '../auth/password-hasher';
import { Building } from '../directory/building.entity';
import { Resident } from '../directory/resident.entity';
import { Site } from '../directory/site.entity';
import { StaffMember } from '../directory/staff-member.entity';
import { UnitMembership } from '../directory/unit-membership.entity';
import { Unit } from '../directory/unit.entity';
import { DEMO_SITE_CODE, planDemoCommunity } from '../domain/demo-community-plan';
import { roleForPosition } from '../domain/roles';

// Any fixed number: concurrent seeders (api and worker starting together) take turns.
const SEED_LOCK_KEY = 724_002;

export interface DemoLogins {
  /** Every demo account signs in with this password. */
  password: string;
  admin: string;
  managers: string[];
  technicians: string[];
  /** A few residents (all 500 follow the same pattern: 13800000001 … 13800000500). */
  residents: string[];
}

export interface DemoSeedResult {
  /** False when the demo site already existed: nothing was written. */
  created: boolean;
  siteId: string;
  logins: DemoLogins;
}

/**
 * Seeds the demo community (site code `demo`) once: a second run finds the site and writes nothing.
 * Everything is inserted in one transaction with multi-row INSERTs, and the shared password is hashed
 * once, so it takes seconds. Gates and speakers are seeded by their own modules.
 */
export async function seedDemoCommunity(ds: DataSource, config: AppConfig): Promise<DemoSeedResult> {
  const plan = planDemoCommunity(config.demo.adminLogin);
  const logins: DemoLogins = {
    password: config.demo.adminPassword,
    admin: config.demo.adminLogin,
    managers: plan.staff.filter((s) => s.position === 'manager').map((s) => s.email ?? s.phone!),
    technicians: plan.staff.filter((s) => s.position === 'technician').map((s) => s.email ?? s.phone!),
    residents: plan.residents.slice(0, 3).map((r) => r.phone),
  };
  const existing = await ds.getRepository(Site).findOneBy({ code: DEMO_SITE_CODE });
  if (existing) return { created: false, siteId: existing.id, logins };
  const passwordHash = await hashPassword(config.demo.adminPassword);

  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const again = await m.getRepository(Site).findOneBy({ code: DEMO_SITE_CODE });
    if (again) return { created: false, siteId: again.id, logins };

    const siteId = randomUUID();
    await m.getRepository(Site).insert({ id: siteId, ...plan.site });
    const unitIds = new Map<string, string>();
    const buildings: Partial<Building>[] = [];
    const units: Partial<Unit>[] = [];
    for (const b of plan.buildings) {
      const buildingId = randomUUID();
      buildings.push({ id: buildingId, siteId, code: b.code, name: b.name, floors: b.floors });
      for (const u of b.units) {
        const id = randomUUID();
        unitIds.set(`${b.code}/${u.number}`, id);
        units.push({ id, siteId, buildingId, number: u.number, floor: u.floor });
      }
    }
    await insertAll(m, Building, buildings);
    await insertAll(m, Unit, units);

    const residents = plan.residents.map((r) => ({ ...r, id: randomUUID() }));
    await insertAll(m, Resident, residents.map((r) => ({ id: r.id, siteId, fullName: r.fullName, phone: r.phone, email: null, status: 'active' as const })));
    await insertAll(m, UnitMembership, residents.map((r) => ({ residentId: r.id, unitId: unitIds.get(`${r.buildingCode}/${r.unitNumber}`)!, relation: r.relation, active: true })));
    const staff = plan.staff.map((s) => ({ ...s, id: randomUUID(), siteIds: [siteId], active: true }));
    await insertAll(m, StaffMember, staff);
    await insertAll(m, Account, [
      ...residents.map((r) => ({ role: 'resident' as const, phone: r.phone, email: null, residentId: r.id, passwordHash })),
      ...staff.map((s) => ({ role: roleForPosition(s.position), phone: s.phone, email: s.email, staffId: s.id, passwordHash })),
    ]);
    await m.query(`INSERT INTO audit_log ("actorRole", action, "entityType", "entityId", "siteId", after) VALUES ('system', 'demo.seed', 'site', $1, $2, $3)`, [
      siteId,
      siteId,
      JSON.stringify({ buildings: buildings.length, units: units.length, residents: residents.length, staff: staff.length }),
    ]);
    return { created: true, siteId, logins };
  });
}

async function insertAll<T extends ObjectLiteral>(m: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await m.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 500) as T[]).updateEntity(false).execute();
  }
}
