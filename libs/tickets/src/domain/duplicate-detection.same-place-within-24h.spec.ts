import { ExistingTicket, findDuplicateCandidates } from './duplicate-detection';

const h = (hoursBefore: number) => new Date(Date.parse('2025-06-02T12:00:00Z') - hoursBefore * 3_600_000);
const probe = { category: 'common_facilities' as const, location: '3号楼大堂', createdAt: h(0) };
const open = (id: string, hoursBefore: number, over: Partial<ExistingTicket> = {}): ExistingTicket => ({
  id,
  category: 'common_facilities',
  location: 'Building 3 lobby',
  status: 'assigned',
  createdAt: h(hoursBefore),
  ...over,
});

describe('likely duplicates of a common-area ticket', () => {
  it('finds open tickets at the same place, same category, within 24 h, newest first', () => {
    const found = findDuplicateCandidates(probe, [open('a', 20), open('b', 2, { number: 'T-000042' }), open('c', 23.99)]);
    expect(found).toEqual([
      { ticketId: 'b', number: 'T-000042', createdAt: h(2), ageMinutes: 120 },
      { ticketId: 'a', createdAt: h(20), ageMinutes: 1200 },
      { ticketId: 'c', createdAt: h(23.99), ageMinutes: 1439 },
    ]);
  });

  it('includes exactly 24 h, excludes older', () => {
    expect(findDuplicateCandidates(probe, [open('edge', 24), open('old', 24.01)]).map((c) => c.ticketId)).toEqual(['edge']);
  });

  it('ignores other categories, other places, closed work and unit tickets', () => {
    const found = findDuplicateCandidates(probe, [
      open('cat', 1, { category: 'cleaning' }),
      open('place', 1, { location: 'Building 3 garage' }),
      open('resolved', 1, { status: 'resolved' }),
      open('cancelled', 1, { status: 'cancelled' }),
      open('unit', 1, { unitId: 'unit-301' }),
      open('held', 1, { status: 'on_hold' }),
    ]);
    expect(found.map((c) => c.ticketId)).toEqual(['held']);
  });

  it('ignores tickets created after the probe (clock skew, the probe itself)', () => {
    expect(findDuplicateCandidates(probe, [open('future', -1)])).toEqual([]);
  });

  it('never flags a ticket for a unit', () => {
    expect(findDuplicateCandidates({ ...probe, unitId: 'unit-301' }, [open('a', 1)])).toEqual([]);
  });

  it('takes a custom window', () => {
    expect(findDuplicateCandidates(probe, [open('a', 3), open('b', 1)], 2).map((c) => c.ticketId)).toEqual(['b']);
  });
});
