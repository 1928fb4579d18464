import type { Role } from '@app/core';
import type { StaffPosition } from '../directory/staff-member.entity';

/** A staff member's account role follows their position. */
export function roleForPosition(position: StaffPosition): Role {
  return position === 'admin' ? 'admin' : position === 'manager' ? 'manager' : 'staff';
}
