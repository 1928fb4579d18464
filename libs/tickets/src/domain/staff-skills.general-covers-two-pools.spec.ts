import { chooseAssignee } from './auto-assign';
import { directorySkillsFor, ticketSkillsOf } from './staff-skills';

describe('ticketSkillsOf: the directory\'s coarse skills as ticket skills', () => {
  it('maps "general" to general maintenance and the front desk, keeps exact skills, drops unknown ones', () => {
    expect(ticketSkillsOf(['general'])).toEqual(['general_maintenance', 'customer_service']);
    expect(ticketSkillsOf(['plumbing', 'electrical'])).toEqual(['plumbing', 'electrical']);
    expect(ticketSkillsOf(['juggling', 'elevator'])).toEqual(['elevator']);
    expect(ticketSkillsOf(['general', 'general'])).toHaveLength(2);
  });

  it('lets a "general" technician take common-facility and "other" tickets but not plumbing', () => {
    const staff = [{ id: 's1', active: true, onShift: true, skills: ticketSkillsOf(['general']), openTickets: 0 }];
    expect(chooseAssignee({ category: 'common_facilities', priority: 'normal', staff, lastAssigned: {} }).assigneeId).toBe('s1');
    expect(chooseAssignee({ category: 'other', priority: 'normal', staff, lastAssigned: {} }).assigneeId).toBe('s1');
    expect(chooseAssignee({ category: 'plumbing', priority: 'normal', staff, lastAssigned: {} }).assigneeId).toBeNull();
  });
});

describe('directorySkillsFor: which directory skills qualify for a ticket skill', () => {
  it('is the inverse of ticketSkillsOf', () => {
    expect(directorySkillsFor('plumbing')).toEqual(['plumbing']);
    expect(directorySkillsFor('general_maintenance')).toEqual(['general_maintenance', 'general']);
    expect(directorySkillsFor('customer_service')).toEqual(['customer_service', 'general']);
  });
});
