import { connect } from 'mqtt';
import type { DeviceCredentials } from './device-credentials';

export type CredentialCheck = 'valid' | 'invalid' | 'unknown';

/**
 * Does the broker accept these credentials? Connects once with clean=false (so the device's
 * persistent session and its queued commands survive) and no will, then disconnects.
 * 'unknown' when the broker cannot be reached: then nobody should rotate anything.
 */
export function probeMqttCredentials(mqttUrl: string, creds: DeviceCredentials, timeoutMs = 5000): Promise<CredentialCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const client = connect(mqttUrl, {
      clientId: creds.clientId ?? creds.deviceId,
      username: creds.username,
      password: creds.password,
      clean: false,
      reconnectPeriod: 0,
      connectTimeout: timeoutMs,
    });
    const finish = (result: CredentialCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end(true);
      resolve(result);
    };
    const timer = setTimeout(() => finish('unknown'), timeoutMs + 500);
    client.on('connect', () => finish('valid'));
    client.on('error', (err: Error & { code?: number | string }) => {
      const refused = err.code === 4 || err.code === 5 || err.code === 134 || err.code === 135;
      finish(refused ? 'invalid' : 'unknown');
    });
    client.on('close', () => finish('unknown'));
  });
}
