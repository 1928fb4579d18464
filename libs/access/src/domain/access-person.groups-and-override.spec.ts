import { hasLockdownOverride, residentAccessPerson, staffAccessPerson } from './access-person';

describe('access person from the directory', () => {
  it('gives an active resident the residents group and one group per building, without duplicates', () => {
    const p = residentAccessPerson({ id: 'r1', fullName: 'Li Wei Zhang', status: 'active', buildingIds: ['b1', 'b2', 'b1'] });
    expect(p).toMatchObject({ id: 'r1', kind: 'resident', active: true, movedOut: false, displayName: 'Li' });
    expect(p.groupIds).toEqual(['residents', 'residents:b1', 'residents:b2']);
  });

  it('leaves a moved-out resident inactive and without groups', () => {
    const p = residentAccessPerson({ id: 'r2', fullName: 'Ann', status: 'moved_out', buildingIds: [] });
    expect(p.active).toBe(false);
    expect(p.movedOut).toBe(true);
    expect(p.groupIds).toEqual([]);
  });

  it('puts a cleaner in the cleaning group and a plumber in the round-the-clock staff group', () => {
    expect(staffAccessPerson({ id: 's1', fullName: 'Bo', position: 'technician', skills: ['cleaning'], active: true }).groupIds).toEqual(['staff:cleaning']);
    expect(staffAccessPerson({ id: 's2', fullName: 'Cy', position: 'technician', skills: ['plumbing'], active: true }).groupIds).toEqual(['staff']);
  });

  it('gives inactive staff no groups', () => {
    expect(staffAccessPerson({ id: 's3', fullName: 'Di', position: 'manager', skills: [], active: false })).toMatchObject({ active: false, groupIds: [] });
  });

  it('grants the lockdown override to security staff, managers and admins only', () => {
    expect(hasLockdownOverride({ position: 'technician', skills: ['security'] })).toBe(true);
    expect(hasLockdownOverride({ position: 'manager', skills: [] })).toBe(true);
    expect(hasLockdownOverride({ position: 'admin', skills: [] })).toBe(true);
    expect(hasLockdownOverride({ position: 'technician', skills: ['cleaning', 'general'] })).toBe(false);
  });
});
