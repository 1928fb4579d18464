import type { Principal } from '@app/core';
import { mayOperateDevice } from './device-scope';

const p = (role: Principal['role'], siteIds: string[]): Principal => ({ accountId: 'a', role, siteIds, unitIds: [] });

describe('device operations: staff of the device site', () => {
  it('staff of the site see presence and commands; staff of another site do not', () => {
    expect(mayOperateDevice(p('staff', ['s1']), 's1', 'view')).toBe(true);
    expect(mayOperateDevice(p('staff', ['s2']), 's1', 'view')).toBe(false);
  });

  it('residents never do, even of the same site', () => {
    expect(mayOperateDevice(p('resident', ['s1']), 's1', 'view')).toBe(false);
  });

  it('managers configure their sites; staff cannot', () => {
    expect(mayOperateDevice(p('manager', ['s1']), 's1', 'configure')).toBe(true);
    expect(mayOperateDevice(p('manager', ['s2']), 's1', 'configure')).toBe(false);
    expect(mayOperateDevice(p('staff', ['s1']), 's1', 'configure')).toBe(false);
  });

  it('only admins send remote commands, and they reach every site', () => {
    expect(mayOperateDevice(p('admin', []), 's1', 'command')).toBe(true);
    expect(mayOperateDevice(p('manager', ['s1']), 's1', 'command')).toBe(false);
  });
});
