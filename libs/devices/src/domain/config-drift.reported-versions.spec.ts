import { configSyncState, hasConfigDrift } from './config-drift';

describe('config drift: desired version vs the version the device reports', () => {
  it.each([
    [0, null, 'none', false],
    [0, 0, 'none', false],
    [3, 3, 'in_sync', false],
    [3, 2, 'pending', true],
    [3, null, 'unknown', true],
    [3, 5, 'ahead', true],
    [0, 2, 'ahead', true],
  ] as const)('desired %p, reported %p → %s (drift %p)', (desired, reported, state, drift) => {
    expect(configSyncState(desired, reported)).toBe(state);
    expect(hasConfigDrift(desired, reported)).toBe(drift);
  });
});
