import { rateTicket, RatableTicket } from './rating';

const now = new Date('2025-06-05T02:00:00Z');
const resolved: RatableTicket = { status: 'resolved', reporterId: 'res-1', unitId: 'unit-101', resolvedAt: new Date('2025-06-04T02:00:00Z'), reopenCount: 0 };
const reporter = { id: 'res-1', unitIds: ['unit-101'] };

describe('what a rating leads to', () => {
  it('1 or 2 stars reopens the ticket for a follow-up, with the comment as the reason', () => {
    expect(rateTicket(resolved, reporter, { score: 2, comment: ' Still drips ' }, now)).toEqual({
      ok: true,
      rating: { score: 2, comment: 'Still drips', ratedAt: now },
      followUp: 'reopen',
      reopenReason: 'Rated 2/5: Still drips',
    });
    expect(rateTicket(resolved, reporter, { score: 1 }, now)).toMatchObject({ followUp: 'reopen', reopenReason: 'Rated 1/5', rating: { comment: null } });
  });

  it('3 stars or more closes it', () => {
    for (const score of [3, 4, 5]) expect(rateTicket(resolved, reporter, { score }, now)).toMatchObject({ ok: true, followUp: 'close', reopenReason: null });
  });

  it('after the reopens are used up, a low rating goes to the manager instead', () => {
    expect(rateTicket({ ...resolved, reopenCount: 2 }, reporter, { score: 1, comment: 'Third time!' }, now)).toMatchObject({ ok: true, followUp: 'notify_manager', reopenReason: null });
  });

  it('a re-resolved ticket can be rated again', () => {
    const again = { ...resolved, resolvedAt: new Date('2025-06-06T02:00:00Z'), ratedAt: new Date('2025-06-05T02:00:00Z'), reopenCount: 1 };
    expect(rateTicket(again, reporter, { score: 5 }, new Date('2025-06-06T03:00:00Z')).ok).toBe(true);
  });
});
