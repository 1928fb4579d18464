import { canReachSite, DomainError, isStaff, Principal } from '@app/core';

// Who may do what with speakers. Staff act on the sites they belong to (admins everywhere);
// managers and admins configure zones; residents use the speakers of their own sites.

export function mayConfigureZones(p: Principal): boolean {
  return p.role === 'manager' || p.role === 'admin';
}

export function staffReaches(p: Principal, siteId: string): boolean {
  return isStaff(p) && canReachSite(p, siteId);
}

/** Residents and staff of the site see its speakers; anyone else gets "not found". */
export function seesSite(p: Principal, siteId: string): boolean {
  return isStaff(p) ? canReachSite(p, siteId) : p.siteIds.includes(siteId);
}

export function requireResident(p: Principal): string {
  if (p.role !== 'resident' || !p.residentId) throw DomainError.forbidden('only residents take turns on the speakers');
  return p.residentId;
}

export function requireManager(p: Principal, siteId: string): void {
  if (!mayConfigureZones(p)) throw DomainError.forbidden('only managers and admins configure speaker zones');
  if (!canReachSite(p, siteId)) throw DomainError.forbidden('not your site');
}
