import { canManageStaff, canSeeStaff, canSetShift, StaffActor } from './staff-permissions';

const manager: StaffActor = { role: 'manager', staffId: 'm1', siteIds: ['s1', 's2'] };
const tech: StaffActor = { role: 'staff', staffId: 't1', siteIds: ['s1'] };
const admin: StaffActor = { role: 'admin', staffId: 'a1', siteIds: [] };

describe('staff permissions: what a manager may do', () => {
  it('manages technicians and managers of their own sites only', () => {
    expect(canManageStaff(manager, { position: 'technician', siteIds: ['s1'] })).toBe(true);
    expect(canManageStaff(manager, { position: 'manager', siteIds: ['s1', 's2'] })).toBe(true);
    expect(canManageStaff(manager, { position: 'technician', siteIds: ['s1', 's3'] })).toBe(false);
    expect(canManageStaff(manager, { position: 'technician', siteIds: [] })).toBe(false);
  });

  it('never creates or edits an admin; an admin manages anyone', () => {
    expect(canManageStaff(manager, { position: 'admin', siteIds: ['s1'] })).toBe(false);
    expect(canManageStaff(admin, { position: 'admin', siteIds: ['s9'] })).toBe(true);
  });

  it('technicians and residents manage nobody', () => {
    expect(canManageStaff(tech, { position: 'technician', siteIds: ['s1'] })).toBe(false);
    expect(canManageStaff({ role: 'resident', siteIds: ['s1'] }, { position: 'technician', siteIds: ['s1'] })).toBe(false);
  });
});

describe('staff permissions: shifts and visibility', () => {
  it('lets a technician set their own shift but not a colleague\'s', () => {
    expect(canSetShift(tech, { id: 't1', position: 'technician', siteIds: ['s1'] })).toBe(true);
    expect(canSetShift(tech, { id: 't2', position: 'technician', siteIds: ['s1'] })).toBe(false);
    expect(canSetShift(manager, { id: 't2', position: 'technician', siteIds: ['s1'] })).toBe(true);
  });

  it('shows staff who share a site, hides the others', () => {
    expect(canSeeStaff(tech, { id: 't2', position: 'technician', siteIds: ['s1', 's3'] })).toBe(true);
    expect(canSeeStaff(tech, { id: 't3', position: 'technician', siteIds: ['s3'] })).toBe(false);
    expect(canSeeStaff({ role: 'resident', siteIds: ['s1'] }, { id: 't2', position: 'technician', siteIds: ['s1'] })).toBe(false);
  });
});
