// Who a directory record is at the gate: the AccessPerson decideAccess needs, with the default
// groups (residents by building, staff by position and skills) and the lockdown-override privilege.
import type { AccessPerson } from './decide-access';
import { defaultResidentGroups, defaultStaffGroups } from './default-policies';

export interface ResidentRecord {
  id: string;
  fullName: string;
  status: 'active' | 'moved_out';
  /** Buildings of the resident's active memberships. */
  buildingIds: readonly string[];
}

export interface StaffRecord {
  id: string;
  fullName: string;
  position: string;
  skills: readonly string[];
  active: boolean;
}

/** Security staff, managers and admins may pass a locked-down gate (with a live face or their code). */
export function hasLockdownOverride(staff: Pick<StaffRecord, 'position' | 'skills'>): boolean {
  return staff.position === 'manager' || staff.position === 'admin' || staff.skills.includes('security');
}

export function residentAccessPerson(r: ResidentRecord): AccessPerson {
  const movedOut = r.status === 'moved_out';
  return {
    id: r.id,
    kind: 'resident',
    active: !movedOut,
    movedOut,
    // A moved-out resident keeps no groups: nothing left to authorize even if a check were skipped.
    groupIds: movedOut ? [] : defaultResidentGroups([...new Set(r.buildingIds)]),
    displayName: firstName(r.fullName),
  };
}

export function staffAccessPerson(s: StaffRecord): AccessPerson {
  return {
    id: s.id,
    kind: 'staff',
    active: s.active,
    groupIds: s.active ? defaultStaffGroups({ position: s.position, skills: s.skills }) : [],
    displayName: firstName(s.fullName),
  };
}

/** Gate displays greet by first name only (a screen at the entrance is public). */
function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}
