import type { DeviceKind } from '@app/contracts';

/** What a simulated device needs to connect as itself. */
export interface DeviceCredentials {
  deviceId: string;
  kind: DeviceKind;
  username: string;
  password: string;
  /** Defaults to deviceId. */
  clientId?: string;
  name?: string;
  siteId?: string;
}

/** Validates a credentials list read from a file (the CLI's --credentials). */
export function parseCredentialsList(json: unknown): DeviceCredentials[] {
  if (!Array.isArray(json)) throw new Error('credentials file must hold a JSON array');
  return json.map((entry, i) => {
    const e = entry as Record<string, unknown>;
    for (const key of ['deviceId', 'username', 'password'] as const) {
      if (typeof e?.[key] !== 'string' || (e[key] as string).length === 0) throw new Error(`credentials[${i}].${key} must be a non-empty string`);
    }
    if (e.kind !== 'gate' && e.kind !== 'speaker') throw new Error(`credentials[${i}].kind must be "gate" or "speaker"`);
    return {
      deviceId: e.deviceId as string,
      kind: e.kind,
      username: e.username as string,
      password: e.password as string,
      ...(typeof e.clientId === 'string' ? { clientId: e.clientId } : {}),
      ...(typeof e.name === 'string' ? { name: e.name } : {}),
      ...(typeof e.siteId === 'string' ? { siteId: e.siteId } : {}),
    };
  });
}
