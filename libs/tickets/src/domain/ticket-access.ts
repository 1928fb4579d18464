// Who may see a ticket and what of it. Residents reach their household's tickets (any unit they
// belong to), their own common-area reports, and tickets they follow after a merge; staff reach the
// tickets of their sites; admins every site. Anything else is "not found", never "forbidden".

export type ViewerRole = 'resident' | 'staff' | 'manager' | 'admin';

export interface TicketViewer {
  role: ViewerRole;
  accountId: string;
  residentId?: string;
  /** Active household units (read from the directory, not the token, when it matters). */
  unitIds: readonly string[];
  siteIds: readonly string[];
}

export interface VisibleTicket {
  siteId: string;
  unitId: string | null;
  reporterKind: 'resident' | 'staff' | 'plan';
  reporterId: string;
  watcherAccountIds?: readonly string[];
}

export type CommentVisibility = 'public' | 'internal';

export function isStaffViewer(v: Pick<TicketViewer, 'role'>): boolean {
  return v.role !== 'resident';
}

export function canSeeTicket(viewer: TicketViewer, t: VisibleTicket): boolean {
  if (viewer.role === 'admin') return true;
  if (isStaffViewer(viewer)) return viewer.siteIds.includes(t.siteId);
  if (t.reporterKind === 'resident' && viewer.residentId && t.reporterId === viewer.residentId) return true;
  if (t.unitId && viewer.unitIds.includes(t.unitId)) return true;
  return (t.watcherAccountIds ?? []).includes(viewer.accountId);
}

/** Residents see public comments and public activity only; staff see internal notes too. */
export function canSeeVisibility(viewer: Pick<TicketViewer, 'role'>, visibility: CommentVisibility): boolean {
  return visibility === 'public' || isStaffViewer(viewer);
}
