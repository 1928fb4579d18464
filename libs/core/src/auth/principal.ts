// Who is asking. Built from the access token on every request and websocket connection.

export type Role = 'resident' | 'staff' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['resident', 'staff', 'manager', 'admin'];
export const STAFF_ROLES: readonly Role[] = ['staff', 'manager', 'admin'];

export interface Principal {
  accountId: string;
  role: Role;
  /** Set for residents. */
  residentId?: string;
  /** Set for staff, managers and admins. */
  staffId?: string;
  /** Sites this principal belongs to (a resident's through their units). */
  siteIds: string[];
  /** A resident's household: the units they actively belong to. */
  unitIds: string[];
}

/** Claims carried by the access token (short names keep it small). */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  rid?: string;
  sid?: string;
  sites: string[];
  units: string[];
  typ: 'access';
}

export function claimsFromPrincipal(p: Principal): AccessTokenClaims {
  return { sub: p.accountId, role: p.role, rid: p.residentId, sid: p.staffId, sites: p.siteIds, units: p.unitIds, typ: 'access' };
}

export function principalFromClaims(c: AccessTokenClaims): Principal {
  return { accountId: c.sub, role: c.role, residentId: c.rid, staffId: c.sid, siteIds: c.sites ?? [], unitIds: c.units ?? [] };
}

export function isStaff(p: Principal): boolean {
  return STAFF_ROLES.includes(p.role);
}

/** Admins reach every site; others only their own. */
export function canReachSite(p: Principal, siteId: string): boolean {
  return p.role === 'admin' || p.siteIds.includes(siteId);
}
