import { canReachSite, DomainError, Principal } from '@app/core';

// Records of sites the caller does not reach are "not found", never "forbidden": the answer must
// not reveal that they exist.

export function assertReach(principal: Principal, siteId: string, what: string, id: string): void {
  if (!canReachSite(principal, siteId)) throw DomainError.notFound(what, id);
}

/** The sites a list may cover: one requested site (if reachable), or all the caller's (undefined = every site, admins). */
export function listSites(principal: Principal, siteId: string | undefined): string[] | undefined {
  if (siteId) return canReachSite(principal, siteId) ? [siteId] : [];
  return principal.role === 'admin' ? undefined : principal.siteIds;
}

/** Escapes LIKE wildcards so a search for "50%" finds that text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function fieldConflict(code: string, field: string, reason: string): DomainError {
  return new DomainError(code, 'conflict', `${field} ${reason}`, [{ field, reason }]);
}
