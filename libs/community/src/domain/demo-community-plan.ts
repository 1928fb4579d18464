// The demo community as data: the same names, units, phones and staff on every machine, so the
// README, the simulator and the demo logins printed at start can rely on them.
import type { StaffPosition, StaffSkill } from '../directory/staff-member.entity';
import type { UnitRelation } from '../directory/unit-membership.entity';
import { parseLoginIdentifier } from './login-identifier';

export const DEMO_SITE_CODE = 'demo';

export interface DemoPlan {
  site: { code: string; name: string; timezone: string; address: string };
  buildings: { code: string; name: string; floors: number; units: { number: string; floor: number }[] }[];
  residents: { fullName: string; phone: string; buildingCode: string; unitNumber: string; relation: UnitRelation }[];
  staff: { fullName: string; email: string | null; phone: string | null; position: StaffPosition; skills: StaffSkill[]; onShift: boolean }[];
}

const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'];
const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Li', 'Qiang', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiuying', 'Hui', 'Ping', 'Gang', 'Hao', 'Xin', 'Yu', 'Lan'];

const BUILDINGS = 4;
const FLOORS = 10;
const UNITS_PER_FLOOR = 5;

const TECHNICIANS: { skills: StaffSkill[]; onShift: boolean }[] = [
  { skills: ['plumbing', 'general'], onShift: true },
  { skills: ['electrical'], onShift: true },
  { skills: ['elevator', 'electrical'], onShift: true },
  { skills: ['cleaning'], onShift: true },
  { skills: ['security'], onShift: true },
  { skills: ['landscaping', 'cleaning'], onShift: false },
  { skills: ['plumbing', 'electrical', 'general'], onShift: false },
];

/** Resident n (1-based) signs in with this phone. */
export const demoResidentPhone = (n: number): string => `138${String(n).padStart(8, '0')}`;

/**
 * 4 buildings x 10 floors x 5 units = 200 units; even units hold 3 people, odd ones 2 (500 residents);
 * every fifth unit is rented (its head is a tenant). 7 technicians, 2 managers and the admin.
 */
export function planDemoCommunity(adminLogin: string): DemoPlan {
  const buildings: DemoPlan['buildings'] = [];
  for (let b = 1; b <= BUILDINGS; b++) {
    const units: { number: string; floor: number }[] = [];
    for (let floor = 1; floor <= FLOORS; floor++) {
      for (let k = 1; k <= UNITS_PER_FLOOR; k++) units.push({ number: `${floor}${String(k).padStart(2, '0')}`, floor });
    }
    buildings.push({ code: `B${b}`, name: `Building ${b}`, floors: FLOORS, units });
  }

  const residents: DemoPlan['residents'] = [];
  let unitIndex = 0;
  for (const b of buildings) {
    for (const u of b.units) {
      const family = FAMILY[unitIndex % FAMILY.length];
      const size = unitIndex % 2 === 0 ? 3 : 2;
      for (let m = 0; m < size; m++) {
        const n = residents.length + 1;
        const relation: UnitRelation = m > 0 ? 'family' : unitIndex % 5 === 0 ? 'tenant' : 'owner';
        residents.push({ fullName: `${family} ${GIVEN[(unitIndex * 3 + m) % GIVEN.length]}`, phone: demoResidentPhone(n), buildingCode: b.code, unitNumber: u.number, relation });
      }
      unitIndex++;
    }
  }

  const staff: DemoPlan['staff'] = TECHNICIANS.map((t, i) => ({
    fullName: `${FAMILY[(i * 7 + 3) % FAMILY.length]} ${GIVEN[(i * 5 + 1) % GIVEN.length]}`,
    email: `tech${i + 1}@demo.community`,
    phone: `137${String(i + 1).padStart(8, '0')}`,
    position: 'technician',
    skills: t.skills,
    onShift: t.onShift,
  }));
  for (let i = 1; i <= 2; i++) staff.push({ fullName: `Manager ${FAMILY[i + 10]} ${GIVEN[i + 10]}`, email: `manager${i}@demo.community`, phone: `136${String(i).padStart(8, '0')}`, position: 'manager', skills: ['general'], onShift: true });
  const admin = parseLoginIdentifier(adminLogin);
  if (!admin) throw new Error(`DEMO_ADMIN_LOGIN "${adminLogin}" is neither a phone number nor an e-mail address`);
  staff.push({ fullName: 'Community Admin', email: admin.kind === 'email' ? admin.value : null, phone: admin.kind === 'phone' ? admin.value : null, position: 'admin', skills: [], onShift: false });

  return { site: { code: DEMO_SITE_CODE, name: 'Lakeside Gardens', timezone: 'Asia/Shanghai', address: '1 Lakeside Road' }, buildings, residents, staff };
}
