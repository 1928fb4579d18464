import type { Principal, Role } from '@app/core';

// Who may see or change a device's operations (presence, commands, config). Staff see the devices
// of their sites; managers and admins change config; only admins send remote commands.

const STAFF: readonly Role[] = ['staff', 'manager', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];

export type DeviceAction = 'view' | 'configure' | 'command';

function reaches(p: Principal, siteId: string): boolean {
  return p.role === 'admin' || p.siteIds.includes(siteId);
}

export function mayOperateDevice(p: Principal, deviceSiteId: string, action: DeviceAction): boolean {
  if (!reaches(p, deviceSiteId)) return false;
  switch (action) {
    case 'view':
      return STAFF.includes(p.role);
    case 'configure':
      return MANAGERS.includes(p.role);
    case 'command':
      return p.role === 'admin';
  }
}
