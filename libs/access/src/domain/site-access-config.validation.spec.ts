import { knownGroupIds, validateCustomPolicy, validateHolidays } from './site-access-config';

const SITE = { gateIds: ['gate-a', 'gate-b'], buildingIds: ['b1'] };

describe('site access configuration: validation', () => {
  it('accepts a directory group, gates of the site and well-formed windows', () => {
    expect(validateCustomPolicy({ groupId: 'residents:b1', gateIds: ['gate-a'], windows: [{ days: [1, 2], from: '06:00', to: '24:00' }] }, SITE)).toEqual([]);
    expect(validateCustomPolicy({ groupId: 'staff:cleaning', gateIds: ['gate-a', 'gate-b'], windows: null }, SITE)).toEqual([]);
  });

  it('names an unknown group, including a building of another site', () => {
    expect(validateCustomPolicy({ groupId: 'gardeners', gateIds: ['gate-a'] }, SITE).map((p) => p.field)).toEqual(['groupId']);
    expect(validateCustomPolicy({ groupId: 'residents:b9', gateIds: ['gate-a'] }, SITE).map((p) => p.field)).toEqual(['groupId']);
    expect(knownGroupIds(['b1'])).toEqual(['residents', 'residents:b1', 'staff', 'staff:cleaning', 'staff:landscaping', 'staff:daytime']);
  });

  it('names each gate that is not the site’s or listed twice', () => {
    const problems = validateCustomPolicy({ groupId: 'staff', gateIds: ['gate-a', 'gate-elsewhere', 'gate-a'] }, SITE);
    expect(problems).toEqual([
      { field: 'gateIds.1', reason: 'not a gate of this site' },
      { field: 'gateIds.2', reason: 'listed twice' },
    ]);
  });

  it('names malformed windows field by field', () => {
    const problems = validateCustomPolicy(
      {
        groupId: 'staff',
        gateIds: ['gate-a'],
        windows: [
          { days: [1], from: '6:00', to: '20:00' },
          { days: [8 as never], from: '10:00', to: '25:00' },
          { days: [2], from: '10:00', to: '10:00' },
        ],
      },
      SITE,
    );
    expect(problems.map((p) => p.field)).toEqual(['windows.0.from', 'windows.1.to', 'windows.1.days', 'windows.2']);
    expect(problems[0].reason).toMatch(/HH:mm/);
  });

  it('checks holidays: real dates once each, windows HH:mm', () => {
    expect(validateHolidays([{ date: '2025-10-01', name: 'National Day' }, { date: '2025-10-02', windows: [{ from: '09:00', to: '12:00' }] }])).toEqual([]);
    const problems = validateHolidays([{ date: '2025-02-30' }, { date: '2025-10-01' }, { date: '2025-10-01' }, { date: '2025-10-03', windows: [{ from: '9am', to: '12:00' }] }]);
    expect(problems.map((p) => p.field)).toEqual(['holidays.0.date', 'holidays.2.date', 'holidays.3.windows.0.from']);
    expect(problems[1].reason).toMatch(/listed twice/);
  });
});
