// Access policies a new site gets from its directory alone, so gates work before anyone configures
// anything. Staff can replace them later; these are the safe, ordinary choices:
//   residents            perimeter gates 24/7; amenity gates (gym, pool) 06:00-22:00 daily
//   residents of B       the doors of building B 24/7
//   staff                every gate 24/7 (managers, admins, security and on-call maintenance)
//   cleaning staff       every gate, weekdays 06:00-20:00, closed on the site's holidays
//   landscaping staff    perimeter and amenity gates, weekdays 07:00-18:00, closed on holidays
//   other daytime staff  every gate, weekdays 07:00-19:00, closed on holidays
// A visitor pass without gateIds follows its host, so visitors need no group of their own.
import { AccessPolicy } from './access-policy';
import { HolidayException, WeeklySchedule, ALL_WEEK, WEEKDAYS } from './weekly-schedule';

export const GATE_ZONES = ['perimeter', 'building', 'amenity'] as const;
export type GateZone = (typeof GATE_ZONES)[number];

export interface DirectoryGate {
  id: string;
  zone: GateZone;
  /** For building doors: the building they lead into. */
  buildingId?: string | null;
}

export interface SiteDirectory {
  siteId: string;
  buildingIds: readonly string[];
  gates: readonly DirectoryGate[];
  /** Site holidays; daytime staff schedules are closed on them. */
  holidays?: readonly HolidayException[];
}

export const GROUP_RESIDENTS = 'residents';
export const GROUP_STAFF = 'staff';
export const GROUP_CLEANING_STAFF = 'staff:cleaning';
export const GROUP_LANDSCAPING_STAFF = 'staff:landscaping';
export const GROUP_DAYTIME_STAFF = 'staff:daytime';

export function residentsOfBuilding(buildingId: string): string {
  return `residents:${buildingId}`;
}

/** Staff whose work can call them to any door at any hour. */
const ROUND_THE_CLOCK_SKILLS = new Set(['security', 'plumbing', 'electrical', 'elevator', 'general']);

export function defaultResidentGroups(buildingIds: readonly string[]): string[] {
  return [GROUP_RESIDENTS, ...buildingIds.map(residentsOfBuilding)];
}

export function defaultStaffGroups(staff: { position: string; skills: readonly string[] }): string[] {
  if (staff.position === 'manager' || staff.position === 'admin') return [GROUP_STAFF];
  if (staff.skills.some((s) => ROUND_THE_CLOCK_SKILLS.has(s))) return [GROUP_STAFF];
  const groups: string[] = [];
  if (staff.skills.includes('cleaning')) groups.push(GROUP_CLEANING_STAFF);
  if (staff.skills.includes('landscaping')) groups.push(GROUP_LANDSCAPING_STAFF);
  return groups.length > 0 ? groups : [GROUP_DAYTIME_STAFF];
}

export function defaultAccessPolicies(directory: SiteDirectory): AccessPolicy[] {
  const ids = (zone: GateZone): string[] => directory.gates.filter((g) => g.zone === zone).map((g) => g.id);
  const all = directory.gates.map((g) => g.id);
  const perimeter = ids('perimeter');
  const amenity = ids('amenity');
  const holidays = directory.holidays ?? [];
  const weekdays = (from: string, to: string): WeeklySchedule => ({ windows: [{ days: WEEKDAYS, from, to }], holidays });
  const site = directory.siteId;

  const policies: AccessPolicy[] = [
    { id: `default:${site}:residents:perimeter`, groupId: GROUP_RESIDENTS, gateIds: perimeter, schedule: null, label: 'Residents: perimeter gates 24/7' },
    {
      id: `default:${site}:residents:amenity`,
      groupId: GROUP_RESIDENTS,
      gateIds: amenity,
      schedule: { windows: [{ days: ALL_WEEK, from: '06:00', to: '22:00' }] },
      label: 'Residents: amenities 06:00-22:00',
    },
    ...directory.buildingIds.map(
      (b): AccessPolicy => ({
        id: `default:${site}:residents:${b}`,
        groupId: residentsOfBuilding(b),
        gateIds: directory.gates.filter((g) => g.zone === 'building' && g.buildingId === b).map((g) => g.id),
        schedule: null,
        label: `Residents of building ${b}: its doors 24/7`,
      }),
    ),
    { id: `default:${site}:staff`, groupId: GROUP_STAFF, gateIds: all, schedule: null, label: 'Staff: every gate 24/7' },
    {
      id: `default:${site}:staff:cleaning`,
      groupId: GROUP_CLEANING_STAFF,
      gateIds: all,
      schedule: weekdays('06:00', '20:00'),
      label: 'Cleaning staff: weekdays 06:00-20:00',
    },
    {
      id: `default:${site}:staff:landscaping`,
      groupId: GROUP_LANDSCAPING_STAFF,
      gateIds: [...perimeter, ...amenity],
      schedule: weekdays('07:00', '18:00'),
      label: 'Landscaping staff: perimeter and amenities, weekdays 07:00-18:00',
    },
    {
      id: `default:${site}:staff:daytime`,
      groupId: GROUP_DAYTIME_STAFF,
      gateIds: all,
      schedule: weekdays('07:00', '19:00'),
      label: 'Other staff: weekdays 07:00-19:00',
    },
  ];
  // A policy without gates grants nothing; leave it out rather than clutter the console.
  return policies.filter((p) => p.gateIds.length > 0);
}
