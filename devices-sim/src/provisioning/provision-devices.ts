import type { DeviceKind } from '@app/contracts';
import { readCredentialsCache, writeCredentialsCache } from './credentials-cache';
import type { DeviceCredentials } from './device-credentials';
import { probeMqttCredentials, type CredentialCheck } from './probe-mqtt-credentials';

export interface ProvisionOptions {
  /** Backend base URL, e.g. http://127.0.0.1:3000 */
  apiUrl: string;
  login: string;
  password: string;
  siteId: string;
  gates: number;
  speakers: number;
  /** Devices are named `<prefix>-gate-01`, `<prefix>-speaker-01`… (default "sim"). */
  namePrefix?: string;
  /** Default .data/sim-devices.json */
  cacheFile?: string;
  /** Used by the default credential check. */
  mqttUrl?: string;
  /** Are cached credentials still accepted? Default: an MQTT probe when mqttUrl is set, else trust the cache. */
  checkCredentials?: (creds: DeviceCredentials) => Promise<CredentialCheck>;
  fetch?: typeof fetch;
}

export interface ProvisionResult {
  devices: DeviceCredentials[];
  created: string[];
  rotated: string[];
  reused: string[];
}

interface ApiDevice {
  id: string;
  kind: DeviceKind;
  name: string;
  siteId: string;
}

interface IssuedDevice extends ApiDevice {
  credentials: { clientId: string; username: string; password: string };
}

export const DEFAULT_CREDENTIALS_CACHE = '.data/sim-devices.json';

/**
 * Makes sure the site has the wanted gates and speakers and returns their MQTT credentials:
 * logs in, lists the site's devices, creates the missing ones, reuses cached secrets that still
 * work and rotates those that do not (or were never cached, since a secret is shown only once).
 */
export async function provisionDevices(options: ProvisionOptions): Promise<ProvisionResult> {
  const api = new AdminApi(options.apiUrl, options.fetch ?? fetch);
  const cacheFile = options.cacheFile ?? DEFAULT_CREDENTIALS_CACHE;
  const check =
    options.checkCredentials ??
    (options.mqttUrl ? (c: DeviceCredentials) => probeMqttCredentials(options.mqttUrl as string, c) : async () => 'valid' as const);

  await api.login(options.login, options.password);
  const existing = await api.listDevices(options.siteId);
  const byName = new Map(existing.map((d) => [`${d.kind}:${d.name}`, d]));
  const cache = await readCredentialsCache(cacheFile);
  const prefix = options.namePrefix ?? 'sim';
  const wanted: Array<{ kind: DeviceKind; name: string; index: number }> = [];
  for (let i = 1; i <= options.gates; i++) wanted.push({ kind: 'gate', name: `${prefix}-gate-${pad(i)}`, index: i });
  for (let i = 1; i <= options.speakers; i++) wanted.push({ kind: 'speaker', name: `${prefix}-speaker-${pad(i)}`, index: i });

  const result: ProvisionResult = { devices: [], created: [], rotated: [], reused: [] };
  for (const want of wanted) {
    const found = byName.get(`${want.kind}:${want.name}`);
    let creds: DeviceCredentials;
    if (!found) {
      const issued = await api.createDevice({
        kind: want.kind,
        siteId: options.siteId,
        name: want.name,
        location: `Simulated ${want.kind} ${want.index}`,
      });
      creds = toCredentials(issued);
      result.created.push(creds.deviceId);
    } else {
      const cached = cache.get(found.id);
      if (cached && (await check(cached)) !== 'invalid') {
        creds = cached;
        result.reused.push(creds.deviceId);
      } else {
        creds = toCredentials(await api.rotateCredentials(found.id));
        result.rotated.push(creds.deviceId);
      }
    }
    cache.set(creds.deviceId, creds);
    result.devices.push(creds);
    // Save after each device: a secret shown once must not be lost if a later call fails.
    await writeCredentialsCache(cacheFile, cache);
  }
  return result;
}

function toCredentials(device: IssuedDevice): DeviceCredentials {
  return {
    deviceId: device.id,
    kind: device.kind,
    username: device.credentials.username,
    password: device.credentials.password,
    clientId: device.credentials.clientId,
    name: device.name,
    siteId: device.siteId,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The few admin endpoints the simulator needs. */
class AdminApi {
  private token = '';

  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: typeof fetch,
  ) {}

  async login(login: string, password: string): Promise<void> {
    const body = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/login', { login, password }, false);
    if (typeof body?.accessToken !== 'string') throw new Error('login response has no accessToken');
    this.token = body.accessToken;
  }

  async listDevices(siteId: string): Promise<ApiDevice[]> {
    const all: ApiDevice[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const query = new URLSearchParams({ siteId, limit: '100' });
      if (cursor) query.set('cursor', cursor);
      const body: { items: ApiDevice[]; nextCursor?: string | null } = await this.request('GET', `/api/v1/devices?${query}`);
      all.push(...body.items);
      cursor = body.nextCursor ?? null;
      if (!cursor) return all;
    }
    throw new Error('device list did not end after 1000 pages');
  }

  createDevice(input: { kind: DeviceKind; siteId: string; name: string; location: string }): Promise<IssuedDevice> {
    return this.request('POST', '/api/v1/devices', input);
  }

  rotateCredentials(deviceId: string): Promise<IssuedDevice> {
    return this.request('POST', `/api/v1/devices/${encodeURIComponent(deviceId)}/credentials/rotate`);
  }

  private async request<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth) headers.authorization = `Bearer ${this.token}`;
    const res = await this.fetchFn(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} failed: HTTP ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
