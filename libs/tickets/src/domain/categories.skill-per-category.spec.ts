import { CATEGORY_SKILL, comparePriority, isTicketCategory, isTicketPriority, maxPriority, requiredSkill, STAFF_SKILLS, TICKET_CATEGORIES } from './categories';

describe('categories and skills', () => {
  it('maps every category to a known skill', () => {
    for (const c of TICKET_CATEGORIES) expect(STAFF_SKILLS).toContain(CATEGORY_SKILL[c]);
  });

  it('sends noise to security and other to the front desk', () => {
    expect(requiredSkill('noise')).toBe('security');
    expect(requiredSkill('other')).toBe('customer_service');
    expect(requiredSkill('common_facilities')).toBe('general_maintenance');
    expect(requiredSkill('elevator')).toBe('elevator');
  });

  it('recognizes categories and priorities', () => {
    expect(isTicketCategory('common_facilities')).toBe(true);
    expect(isTicketCategory('Common Facilities')).toBe(false);
    expect(isTicketCategory(3)).toBe(false);
    expect(isTicketPriority('emergency')).toBe(true);
    expect(isTicketPriority('urgent')).toBe(false);
  });

  it('orders priorities low < normal < high < emergency', () => {
    expect(comparePriority('low', 'normal')).toBeLessThan(0);
    expect(comparePriority('emergency', 'high')).toBeGreaterThan(0);
    expect(comparePriority('high', 'high')).toBe(0);
    expect(maxPriority('normal', 'high')).toBe('high');
    expect(maxPriority('emergency', 'low')).toBe('emergency');
  });
});
