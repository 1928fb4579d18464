import { toDeviceStatusPayload } from './device-status-payload';

describe('toDeviceStatusPayload', () => {
  it('versions a transition by its time, so the live event and a later snapshot row agree', () => {
    const at = new Date('2026-11-28T09:00:00.123Z');
    const live = toDeviceStatusPayload({ deviceId: 'gate-1', siteId: 's1', kind: 'gate', online: false, changedAt: at, reason: 'silent' });
    const row = toDeviceStatusPayload({ deviceId: 'gate-1', siteId: 's1', kind: 'gate', online: false, changedAt: new Date(at), name: 'North gate' });
    expect(live).toEqual({ id: 'gate-1', version: at.getTime(), at: '2026-11-28T09:00:00.123Z', siteId: 's1', kind: 'gate', online: false, reason: 'silent' });
    expect(row.version).toBe(live.version);
    expect(row.name).toBe('North gate');
    expect(row).not.toHaveProperty('reason');
  });

  it('gives a device that never reported version 0, below any real transition', () => {
    const p = toDeviceStatusPayload({ deviceId: 'speaker-1', siteId: 's1', kind: 'speaker', online: false, changedAt: null });
    expect(p).toMatchObject({ version: 0, at: '1970-01-01T00:00:00.000Z', online: false });
  });
});
