import { decideAccess } from './decide-access';
import { alice, at, DIRECTORY, face, gate, input, POLICIES } from './decide-access.fixtures';
import {
  defaultAccessPolicies,
  defaultResidentGroups,
  defaultStaffGroups,
  GROUP_CLEANING_STAFF,
  GROUP_DAYTIME_STAFF,
  GROUP_LANDSCAPING_STAFF,
  GROUP_RESIDENTS,
  GROUP_STAFF,
  residentsOfBuilding,
} from './default-policies';
import { validateWeeklySchedule } from './weekly-schedule';

describe('default policies for a new site', () => {
  it('derives resident groups from the buildings they live in', () => {
    expect(defaultResidentGroups(['b1', 'b3'])).toEqual([GROUP_RESIDENTS, residentsOfBuilding('b1'), residentsOfBuilding('b3')]);
  });

  it.each([
    [{ position: 'manager', skills: [] }, [GROUP_STAFF]],
    [{ position: 'admin', skills: ['cleaning'] }, [GROUP_STAFF]],
    [{ position: 'technician', skills: ['security'] }, [GROUP_STAFF]],
    [{ position: 'technician', skills: ['plumbing', 'cleaning'] }, [GROUP_STAFF]],
    [{ position: 'technician', skills: ['cleaning'] }, [GROUP_CLEANING_STAFF]],
    [{ position: 'technician', skills: ['cleaning', 'landscaping'] }, [GROUP_CLEANING_STAFF, GROUP_LANDSCAPING_STAFF]],
    [{ position: 'technician', skills: [] }, [GROUP_DAYTIME_STAFF]],
  ])('puts staff %j in %j', (staff, groups) => {
    expect(defaultStaffGroups(staff)).toEqual(groups);
  });

  it('gives residents the perimeter and their own building, staff everything', () => {
    const byGroup = (g: string) => POLICIES.filter((p) => p.groupId === g).flatMap((p) => p.gateIds);
    expect(byGroup(GROUP_RESIDENTS).sort()).toEqual(['gate-main', 'gym']);
    expect(byGroup(residentsOfBuilding('b1'))).toEqual(['door-b1']);
    expect(byGroup(GROUP_STAFF).sort()).toEqual(['door-b1', 'door-b2', 'gate-main', 'gym']);
    expect(byGroup(GROUP_LANDSCAPING_STAFF).sort()).toEqual(['gate-main', 'gym']);
  });

  it('produces valid schedules with unique ids, and the site holidays on daytime staff only', () => {
    expect(new Set(POLICIES.map((p) => p.id)).size).toBe(POLICIES.length);
    for (const p of POLICIES) if (p.schedule) expect(validateWeeklySchedule(p.schedule)).toEqual([]);
    const cleaning = POLICIES.find((p) => p.groupId === GROUP_CLEANING_STAFF)!;
    expect(cleaning.schedule?.holidays).toEqual(DIRECTORY.holidays);
    expect(POLICIES.find((p) => p.groupId === GROUP_RESIDENTS && p.gateIds.includes('gate-main'))!.schedule).toBeNull();
  });

  it('leaves out policies that would list no gate (a site without amenities)', () => {
    const policies = defaultAccessPolicies({ siteId: 's', buildingIds: ['b1'], gates: [{ id: 'g', zone: 'perimeter' }] });
    expect(policies.every((p) => p.gateIds.length > 0)).toBe(true);
    expect(policies.find((p) => p.groupId === residentsOfBuilding('b1'))).toBeUndefined();
  });

  it('works end to end: a resident of a brand-new site walks in at night without any setup', () => {
    expect(decideAccess(input({ credential: face(alice), gate: gate('door-b1'), now: at('2025-03-04T02:00') })).decision).toBe('granted');
  });
});
