// Who may manage whom among property staff. Managers run their own sites and may not create or edit
// admins (no privilege escalation); a technician may only flip their own on-shift flag.
import type { Role } from '@app/core';
import type { StaffPosition } from '../directory/staff-member.entity';

export interface StaffActor {
  role: Role;
  staffId?: string;
  siteIds: readonly string[];
}

export interface StaffShape {
  position: StaffPosition;
  siteIds: readonly string[];
}

/** Whether the actor may create a staff member like `target`, or edit one (check before and after). */
export function canManageStaff(actor: StaffActor, target: StaffShape): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'manager') return false;
  return target.position !== 'admin' && target.siteIds.length > 0 && target.siteIds.every((s) => actor.siteIds.includes(s));
}

/** Whether the actor may see this staff member at all (others are "not found"). */
export function canSeeStaff(actor: StaffActor, target: StaffShape & { id: string }): boolean {
  if (actor.role === 'admin' || actor.staffId === target.id) return true;
  if (actor.role === 'resident') return false;
  return target.siteIds.some((s) => actor.siteIds.includes(s));
}

export function canSetShift(actor: StaffActor, target: StaffShape & { id: string }): boolean {
  return actor.staffId === target.id || canManageStaff(actor, target);
}
