import { canSeeTicket, canSeeVisibility, TicketViewer, VisibleTicket } from './ticket-access';

const ticket: VisibleTicket = { siteId: 'site-1', unitId: 'unit-a', reporterKind: 'resident', reporterId: 'res-a', watcherAccountIds: ['acc-w'] };
const resident = (p: Partial<TicketViewer>): TicketViewer => ({ role: 'resident', accountId: 'acc-x', residentId: 'res-x', unitIds: [], siteIds: ['site-1'], ...p });

describe('canSeeTicket', () => {
  it('residents see their household\'s tickets, their own reports and tickets they follow', () => {
    expect(canSeeTicket(resident({ unitIds: ['unit-a'] }), ticket)).toBe(true);
    expect(canSeeTicket(resident({ residentId: 'res-a', unitIds: [] }), ticket)).toBe(true);
    expect(canSeeTicket(resident({ accountId: 'acc-w' }), ticket)).toBe(true);
  });

  it('another household of the same site sees nothing', () => {
    expect(canSeeTicket(resident({ unitIds: ['unit-b'] }), ticket)).toBe(false);
    expect(canSeeTicket(resident({ unitIds: ['unit-b'] }), { ...ticket, unitId: null })).toBe(false);
  });

  it('a staff-reported ticket is not "reported by" a resident with the same id', () => {
    expect(canSeeTicket(resident({ residentId: 'res-a' }), { ...ticket, reporterKind: 'staff', unitId: null })).toBe(false);
  });

  it('staff see their sites only; admins every site', () => {
    expect(canSeeTicket({ role: 'staff', accountId: 's', unitIds: [], siteIds: ['site-1'] }, ticket)).toBe(true);
    expect(canSeeTicket({ role: 'manager', accountId: 's', unitIds: [], siteIds: ['site-2'] }, ticket)).toBe(false);
    expect(canSeeTicket({ role: 'admin', accountId: 's', unitIds: [], siteIds: [] }, ticket)).toBe(true);
  });

  it('internal notes are for staff', () => {
    expect(canSeeVisibility({ role: 'resident' }, 'internal')).toBe(false);
    expect(canSeeVisibility({ role: 'resident' }, 'public')).toBe(true);
    expect(canSeeVisibility({ role: 'staff' }, 'internal')).toBe(true);
  });
});
