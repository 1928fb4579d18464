import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Account, Building, hashPassword, Resident, Site, StaffMember, StaffPosition, StaffSkill, Unit, UnitMembership, UnitRelation, roleForPosition } from '@app/community';

// Test data written straight to the database (the same rows the API would write), so each test
// states only what matters to it.

const uid = () => randomBytes(4).toString('hex');
let hashed: Promise<string> | undefined;
export const TEST_PASSWORD = 'test-password-1';
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

export class Factories {
  constructor(private readonly db: DataSource) {}

  async site(p: Partial<Site> = {}): Promise<Site> {
    return this.db.getRepository(Site).save({ name: `Site ${uid()}`, code: `s-${uid()}`, timezone: 'Asia/Shanghai', ...p });
  }

  async building(site: Site, p: Partial<Building> = {}): Promise<Building> {
    return this.db.getRepository(Building).save({ siteId: site.id, name: `Building ${uid()}`, code: `B${uid()}`, ...p });
  }

  async unit(building: Building, p: Partial<Unit> = {}): Promise<Unit> {
    return this.db.getRepository(Unit).save({ siteId: building.siteId, buildingId: building.id, number: `${Math.floor(Math.random() * 9000) + 1000}-${uid()}`, ...p });
  }

  /** A resident living in `unit`, with an account that can sign in with `login` / TEST_PASSWORD. */
  async resident(unit: Unit, p: Partial<Resident> = {}, relation: UnitRelation = 'owner'): Promise<{ resident: Resident; account: Account; login: string }> {
    const phone = p.phone ?? `139${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
    const resident = await this.db.getRepository(Resident).save({ siteId: unit.siteId, fullName: `Resident ${uid()}`, phone, status: 'active', ...p });
    await this.db.getRepository(UnitMembership).save({ residentId: resident.id, unitId: unit.id, relation, active: true });
    const account = await this.db.getRepository(Account).save({ role: 'resident', phone, email: null, residentId: resident.id, passwordHash: await passwordHash() });
    return { resident, account, login: phone };
  }

  async staff(sites: Site[], position: StaffPosition = 'technician', p: Partial<StaffMember> = {}, skills: StaffSkill[] = ['general']): Promise<{ staff: StaffMember; account: Account; login: string }> {
    const email = `${position}-${uid()}@test.community`;
    const staff = await this.db.getRepository(StaffMember).save({ fullName: `Staff ${uid()}`, email, position, skills, onShift: true, siteIds: sites.map((s) => s.id), active: true, ...p });
    const account = await this.db.getRepository(Account).save({ role: roleForPosition(position), email, phone: null, staffId: staff.id, passwordHash: await passwordHash() });
    return { staff, account, login: email };
  }

  /** A site with one building, two units and a resident in each: the smallest world with two households. */
  async twoHouseholds(): Promise<{ site: Site; building: Building; unitA: Unit; unitB: Unit; a: Awaited<ReturnType<Factories['resident']>>; b: Awaited<ReturnType<Factories['resident']>> }> {
    const site = await this.site();
    const building = await this.building(site);
    const unitA = await this.unit(building);
    const unitB = await this.unit(building);
    return { site, building, unitA, unitB, a: await this.resident(unitA), b: await this.resident(unitB) };
  }
}
