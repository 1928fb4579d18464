import { MAX_RATING_COMMENT_LENGTH, rateTicket, RatableTicket } from './rating';

const now = new Date('2025-06-05T02:00:00Z');
const resolved: RatableTicket = { status: 'resolved', reporterId: 'res-1', unitId: 'unit-101', resolvedAt: new Date('2025-06-04T02:00:00Z') };
const reporter = { id: 'res-1', unitIds: ['unit-101'] };

describe('who may rate, when, and what', () => {
  it('only a resolved ticket', () => {
    for (const status of ['in_progress', 'closed', 'new'] as const) {
      expect(rateTicket({ ...resolved, status }, reporter, { score: 4 }, now)).toEqual({ ok: false, code: 'NOT_RESOLVED', message: 'A ticket can be rated only once it is resolved' });
    }
  });

  it('only once per resolution', () => {
    const r = rateTicket({ ...resolved, ratedAt: new Date('2025-06-04T05:00:00Z') }, reporter, { score: 4 }, now);
    expect(!r.ok && r.code).toBe('ALREADY_RATED');
  });

  it('the household may rate; a neighbour may not', () => {
    expect(rateTicket(resolved, { id: 'res-2', unitIds: ['unit-101'] }, { score: 4 }, now).ok).toBe(true);
    const r = rateTicket(resolved, { id: 'res-9', unitIds: ['unit-102'] }, { score: 4 }, now);
    expect(!r.ok && r.code).toBe('NOT_REPORTER');
  });

  it.each([0, 6, 3.5, Number.NaN])('score %p is refused', (score) => {
    const r = rateTicket(resolved, reporter, { score }, now);
    expect(!r.ok && r.code).toBe('INVALID_SCORE');
  });

  it('a comment is capped', () => {
    const r = rateTicket(resolved, reporter, { score: 4, comment: 'x'.repeat(MAX_RATING_COMMENT_LENGTH + 1) }, now);
    expect(!r.ok && r.code).toBe('COMMENT_TOO_LONG');
  });
});
