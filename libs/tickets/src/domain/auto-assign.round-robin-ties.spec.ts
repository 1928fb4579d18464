import { AutoAssignInput, chooseAssignee, StaffCandidate } from './auto-assign';

const plumber = (id: string, openTickets = 1): StaffCandidate => ({ id, active: true, onShift: true, skills: ['plumbing'], openTickets });

describe('round-robin among equally loaded staff', () => {
  const team = [plumber('p3'), plumber('p1'), plumber('p2')];

  it('starts with the first id when there is no pointer', () => {
    expect(chooseAssignee({ category: 'plumbing', priority: 'normal', staff: team, lastAssigned: {} }).assigneeId).toBe('p1');
  });

  it('takes the next id after the pointer and wraps around', () => {
    const base: Omit<AutoAssignInput, 'lastAssigned'> = { category: 'plumbing', priority: 'normal', staff: team };
    expect(chooseAssignee({ ...base, lastAssigned: { 'skill-plumbing': 'p1' } }).assigneeId).toBe('p2');
    expect(chooseAssignee({ ...base, lastAssigned: { 'skill-plumbing': 'p2' } }).assigneeId).toBe('p3');
    expect(chooseAssignee({ ...base, lastAssigned: { 'skill-plumbing': 'p3' } }).assigneeId).toBe('p1');
  });

  it('feeding the pointer back spreads a run of tickets evenly', () => {
    let lastAssigned: Record<string, string> = {};
    const picks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = chooseAssignee({ category: 'plumbing', priority: 'normal', staff: team, lastAssigned });
      if (!d.assigneeId || !('roundRobin' in d) || !d.roundRobin) throw new Error('expected an assignment');
      picks.push(d.assigneeId);
      lastAssigned = { ...lastAssigned, [d.roundRobin.key]: d.roundRobin.lastAssignedId };
    }
    expect(picks).toEqual(['p1', 'p2', 'p3', 'p1', 'p2', 'p3']);
  });

  it('the pointer only breaks ties; load comes first', () => {
    const d = chooseAssignee({ category: 'plumbing', priority: 'normal', staff: [plumber('p1', 1), plumber('p2', 4), plumber('p3', 1)], lastAssigned: { 'skill-plumbing': 'p1' } });
    expect(d.assigneeId).toBe('p3');
  });

  it('a pointer to someone who left the team still advances in id order', () => {
    const d = chooseAssignee({ category: 'plumbing', priority: 'normal', staff: team, lastAssigned: { 'skill-plumbing': 'p15' } });
    expect(d.assigneeId).toBe('p2');
  });
});
