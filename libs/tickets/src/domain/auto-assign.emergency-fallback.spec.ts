import { chooseAssignee, StaffCandidate } from './auto-assign';

const s = (id: string, skills: string[], openTickets: number, onShift = true): StaffCandidate => ({ id, active: true, onShift, skills, openTickets });

describe('emergency assignment', () => {
  it('goes to the on-shift specialist and notifies the manager', () => {
    const d = chooseAssignee({ category: 'elevator', priority: 'emergency', staff: [s('lift1', ['elevator'], 4), s('g1', ['security'], 0)], lastAssigned: {} });
    expect(d).toEqual({ assigneeId: 'lift1', notifyManager: true, basis: 'skill', roundRobin: { key: 'skill-elevator', lastAssignedId: 'lift1' } });
  });

  it('with no specialist on shift, goes to whoever is on shift with the least work', () => {
    const d = chooseAssignee({
      category: 'plumbing',
      priority: 'emergency',
      staff: [s('p1', ['plumbing'], 0, false), s('g1', ['security'], 2), s('g2', ['security'], 1), s('c1', ['cleaning'], 1)],
      lastAssigned: { 'skill-any': 'c1' },
    });
    expect(d).toEqual({ assigneeId: 'g2', notifyManager: true, basis: 'any_on_shift', roundRobin: { key: 'skill-any', lastAssignedId: 'g2' } });
  });

  it('with nobody on shift, stays unassigned and still notifies the manager', () => {
    const d = chooseAssignee({ category: 'plumbing', priority: 'emergency', staff: [s('p1', ['plumbing'], 0, false)], lastAssigned: {} });
    expect(d).toEqual({ assigneeId: null, notifyManager: true, reason: 'no_staff_on_shift' });
  });
});
