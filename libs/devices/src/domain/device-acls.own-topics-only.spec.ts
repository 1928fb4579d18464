import { deviceRoleAcls, deviceRoleName } from './device-acls';

describe('broker ACLs: a device reaches only its own topics', () => {
  const acls = deviceRoleAcls('sc/v1', 'gate-1');
  const allowed = (type: string) => acls.filter((a) => a.acltype === type && a.allow).map((a) => a.topic).sort();

  it('publishes only its own status, events, telemetry and acks (literal topics: no %c in 2.0.11)', () => {
    expect(allowed('publishClientSend')).toEqual(['sc/v1/devices/gate-1/acks', 'sc/v1/devices/gate-1/events', 'sc/v1/devices/gate-1/status', 'sc/v1/devices/gate-1/telemetry']);
    expect(acls.some((a) => a.topic.includes('%'))).toBe(false);
  });

  it('subscribes to and receives only its own commands and config', () => {
    const own = ['sc/v1/devices/gate-1/commands', 'sc/v1/devices/gate-1/config'];
    expect(allowed('subscribeLiteral')).toEqual(own);
    expect(allowed('subscribePattern')).toEqual(own);
    expect(allowed('publishClientReceive')).toEqual(own);
  });

  it('denies everything else, $-topics included, below the allows', () => {
    const denies = acls.filter((a) => !a.allow);
    const maxDeny = Math.max(...denies.map((a) => a.priority));
    const minAllow = Math.min(...acls.filter((a) => a.allow).map((a) => a.priority));
    expect(maxDeny).toBeLessThan(minAllow);
    for (const type of ['publishClientSend', 'publishClientReceive', 'subscribePattern', 'subscribeLiteral']) {
      expect(denies.filter((a) => a.acltype === type).map((a) => a.topic).sort()).toEqual(['#', '$CONTROL/#', '$SYS/#']);
    }
  });

  it('never lets a device publish commands or config', () => {
    expect(allowed('publishClientSend').some((t) => t.endsWith('/commands') || t.endsWith('/config'))).toBe(false);
  });

  it('names one role per device', () => {
    expect(deviceRoleName('gate-1')).toBe('device-gate-1');
  });
});
