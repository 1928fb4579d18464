import type { DeviceStatusPayload } from '@app/contracts/realtime';
import { mergeSnapshotParts } from './merge-snapshot-parts';

const device = (id: string, version: number, online: boolean): DeviceStatusPayload => ({ id, version, at: new Date(version).toISOString(), siteId: 's1', kind: 'gate', online });

describe('mergeSnapshotParts', () => {
  it('concatenates sections from several providers and keeps the newest version of each id', () => {
    const merged = mergeSnapshotParts([
      { name: 'gates', ok: true, sections: { devices: [device('g1', 100, true), device('g2', 50, false)] } },
      { name: 'speakers', ok: true, sections: { devices: [device('g1', 200, false), device('s1', 10, true)] } },
      { name: 'older', ok: true, sections: { devices: [device('g2', 40, true)] } },
    ]);
    expect(merged.unavailable).toEqual([]);
    expect(merged.sections.devices).toEqual([device('g1', 200, false), device('g2', 50, false), device('s1', 10, true)]);
  });

  it('lists failed providers as unavailable and keeps what the others produced', () => {
    const merged = mergeSnapshotParts([
      { name: 'alarms', ok: false, error: 'timed out' },
      { name: 'devices', ok: true, sections: { devices: [device('g1', 1, true)] } },
      { name: 'empty', ok: true, sections: {} },
    ]);
    expect(merged.unavailable).toEqual(['alarms']);
    expect(Object.keys(merged.sections)).toEqual(['devices']);
  });

  it('ignores a section that is not a list instead of failing the whole snapshot', () => {
    const merged = mergeSnapshotParts([{ name: 'buggy', ok: true, sections: { devices: 'oops' as unknown as DeviceStatusPayload[] } }]);
    expect(merged.sections).toEqual({});
  });
});
