// The desired config has a version that only grows; devices report the version they applied in
// telemetry (0 when none). Drift is any difference the device will not fix by itself.

export type ConfigSyncState =
  /** No config was ever set and the device reports none. */
  | 'none'
  | 'in_sync'
  /** The device has an older version (it is on its way, or the device is offline). */
  | 'pending'
  /** The device reports a version we never issued (restored database?): it will ignore ours until it is higher. */
  | 'ahead'
  /** The device has not reported since a config was set. */
  | 'unknown';

export function configSyncState(desiredVersion: number, reportedVersion: number | null): ConfigSyncState {
  if (reportedVersion === null) return desiredVersion > 0 ? 'unknown' : 'none';
  if (reportedVersion === desiredVersion) return desiredVersion === 0 ? 'none' : 'in_sync';
  return reportedVersion < desiredVersion ? 'pending' : 'ahead';
}

export function hasConfigDrift(desiredVersion: number, reportedVersion: number | null): boolean {
  const state = configSyncState(desiredVersion, reportedVersion);
  return state === 'pending' || state === 'ahead' || state === 'unknown';
}
