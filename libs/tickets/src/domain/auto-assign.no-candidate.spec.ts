import { chooseAssignee, StaffCandidate } from './auto-assign';

const s = (id: string, skills: string[], over: Partial<StaffCandidate> = {}): StaffCandidate => ({ id, active: true, onShift: true, skills, openTickets: 0, ...over });

describe('nobody to assign', () => {
  it('no active staff at all', () => {
    expect(chooseAssignee({ category: 'cleaning', priority: 'low', staff: [s('c1', ['cleaning'], { active: false })], lastAssigned: {} })).toEqual({
      assigneeId: null,
      notifyManager: false,
      reason: 'no_active_staff',
    });
    expect(chooseAssignee({ category: 'cleaning', priority: 'low', staff: [], lastAssigned: {} })).toEqual({ assigneeId: null, notifyManager: false, reason: 'no_active_staff' });
  });

  it('people on shift, but none with the skill (not an emergency: it waits for the right person)', () => {
    expect(chooseAssignee({ category: 'electrical', priority: 'high', staff: [s('p1', ['plumbing']), s('e1', ['electrical'], { onShift: false })], lastAssigned: {} })).toEqual({
      assigneeId: null,
      notifyManager: false,
      reason: 'no_skilled_staff_on_shift',
    });
  });

  it('nobody on shift', () => {
    expect(chooseAssignee({ category: 'electrical', priority: 'normal', staff: [s('e1', ['electrical'], { onShift: false })], lastAssigned: {} })).toEqual({
      assigneeId: null,
      notifyManager: false,
      reason: 'no_staff_on_shift',
    });
  });
});
