import { chooseAssignee, StaffCandidate } from './auto-assign';

const staff = (id: string, skills: string[], openTickets: number, over: Partial<StaffCandidate> = {}): StaffCandidate => ({ id, active: true, onShift: true, skills, openTickets, ...over });

describe('auto-assignment: skilled, on shift, least open work', () => {
  it('picks the plumber with the fewest open tickets', () => {
    const d = chooseAssignee({
      category: 'plumbing',
      priority: 'normal',
      staff: [staff('p1', ['plumbing'], 5), staff('p2', ['plumbing', 'electrical'], 2), staff('e1', ['electrical'], 0)],
      lastAssigned: {},
    });
    expect(d).toEqual({ assigneeId: 'p2', notifyManager: false, basis: 'skill', roundRobin: { key: 'skill-plumbing', lastAssignedId: 'p2' } });
  });

  it('ignores inactive and off-shift staff however idle they are', () => {
    const d = chooseAssignee({
      category: 'plumbing',
      priority: 'high',
      staff: [staff('p1', ['plumbing'], 0, { active: false }), staff('p2', ['plumbing'], 0, { onShift: false }), staff('p3', ['plumbing'], 9)],
      lastAssigned: {},
    });
    expect(d.assigneeId).toBe('p3');
  });

  it('sends noise complaints to security guards', () => {
    const d = chooseAssignee({ category: 'noise', priority: 'normal', staff: [staff('c1', ['cleaning'], 0), staff('g1', ['security'], 3)], lastAssigned: {} });
    expect(d).toMatchObject({ assigneeId: 'g1', roundRobin: { key: 'skill-security', lastAssignedId: 'g1' } });
  });
});
