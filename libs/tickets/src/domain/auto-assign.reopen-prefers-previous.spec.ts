import { chooseAssignee, StaffCandidate } from './auto-assign';

const plumber = (id: string, openTickets: number, onShift = true): StaffCandidate => ({ id, active: true, onShift, skills: ['plumbing'], openTickets });

describe('a reopened ticket', () => {
  it('goes back to the technician who worked it, even if busier, and leaves the pointer alone', () => {
    const d = chooseAssignee({ category: 'plumbing', priority: 'normal', staff: [plumber('p1', 0), plumber('p2', 6)], lastAssigned: {}, preferAssigneeId: 'p2' });
    expect(d).toEqual({ assigneeId: 'p2', notifyManager: false, basis: 'previous_assignee', roundRobin: null });
  });

  it('goes to someone else when that technician is off shift', () => {
    const d = chooseAssignee({ category: 'plumbing', priority: 'normal', staff: [plumber('p1', 3), plumber('p2', 0, false)], lastAssigned: {}, preferAssigneeId: 'p2' });
    expect(d).toMatchObject({ assigneeId: 'p1', basis: 'skill' });
  });
});
