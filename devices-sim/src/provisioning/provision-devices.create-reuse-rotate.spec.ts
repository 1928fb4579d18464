import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceCredentials } from './device-credentials';
import { provisionDevices } from './provision-devices';

interface FakeDevice {
  id: string;
  kind: 'gate' | 'speaker';
  name: string;
  siteId: string;
  password: string;
}

/** A tiny in-memory stand-in for the backend's admin API, recording each call. */
function fakeBackend(pageSize = 2) {
  const devices: FakeDevice[] = [];
  const calls: string[] = [];
  let seq = 0;
  const issued = (d: FakeDevice) => ({
    id: d.id,
    kind: d.kind,
    siteId: d.siteId,
    name: d.name,
    location: 'x',
    credentials: { clientId: d.id, username: d.id, password: d.password },
  });
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (url.pathname === '/api/v1/auth/login') {
      const body = JSON.parse(String(init?.body));
      return body.password === 'admin-pw' ? json(200, { accessToken: 'tok' }) : json(401, { message: 'bad login' });
    }
    if ((init?.headers as Record<string, string>)?.authorization !== 'Bearer tok') return json(401, {});
    if (method === 'GET' && url.pathname === '/api/v1/devices') {
      const site = devices.filter((d) => d.siteId === url.searchParams.get('siteId'));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = site.slice(start, start + pageSize).map(({ password: _p, ...d }) => d);
      return json(200, { items, nextCursor: start + pageSize < site.length ? String(start + pageSize) : null });
    }
    if (method === 'POST' && url.pathname === '/api/v1/devices') {
      const body = JSON.parse(String(init?.body));
      const d: FakeDevice = { id: `dev${++seq}`, kind: body.kind, name: body.name, siteId: body.siteId, password: `pw${seq}` };
      devices.push(d);
      return json(201, issued(d));
    }
    const rotate = /^\/api\/v1\/devices\/([^/]+)\/credentials\/rotate$/.exec(url.pathname);
    if (method === 'POST' && rotate) {
      const d = devices.find((x) => x.id === rotate[1]);
      if (!d) return json(404, {});
      d.password = `pw${++seq}`;
      return json(200, issued(d));
    }
    return json(404, {});
  }) as typeof fetch;
  return { devices, calls, fetchFn };
}

describe('provisionDevices', () => {
  let dir: string;
  let cacheFile: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-prov-'));
    cacheFile = join(dir, 'nested', 'sim-devices.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Built per test: cacheFile only exists once beforeEach ran.
  let base: { apiUrl: string; login: string; password: string; siteId: string; cacheFile: string };
  beforeEach(() => {
    base = { apiUrl: 'http://backend.test', login: 'admin', password: 'admin-pw', siteId: 'site-1', cacheFile };
  });

  it('creates the missing devices and caches their secrets (owner-only file)', async () => {
    const backend = fakeBackend();
    const result = await provisionDevices({ ...base, gates: 2, speakers: 1, fetch: backend.fetchFn, checkCredentials: async () => 'valid' });
    expect(result.created).toHaveLength(3);
    expect(result.devices.map((d) => [d.kind, d.name])).toEqual([
      ['gate', 'sim-gate-01'],
      ['gate', 'sim-gate-02'],
      ['speaker', 'sim-speaker-01'],
    ]);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
    expect(cache.devices.dev1.password).toBe('pw1');
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
  });

  it('reuses cached secrets that still work, across pages of the device list', async () => {
    const backend = fakeBackend(1);
    await provisionDevices({ ...base, gates: 2, speakers: 1, fetch: backend.fetchFn, checkCredentials: async () => 'valid' });
    backend.calls.length = 0;
    const again = await provisionDevices({ ...base, gates: 2, speakers: 1, fetch: backend.fetchFn, checkCredentials: async () => 'valid' });
    expect(again.reused).toHaveLength(3);
    expect(again.created).toHaveLength(0);
    expect(backend.calls.filter((c) => c.startsWith('POST /api/v1/devices'))).toEqual([]);
    expect(backend.calls.filter((c) => c === 'GET /api/v1/devices')).toHaveLength(3);
  });

  it('rotates a device whose cached secret is refused, and one that was never cached', async () => {
    const backend = fakeBackend();
    const first = await provisionDevices({ ...base, gates: 2, speakers: 0, fetch: backend.fetchFn, checkCredentials: async () => 'valid' });
    const [g1, g2] = first.devices;
    await rm(cacheFile); // g1 and g2 both uncached now
    const check = async (c: DeviceCredentials) => (c.deviceId === g1.deviceId ? ('invalid' as const) : ('valid' as const));
    const second = await provisionDevices({ ...base, gates: 2, speakers: 0, fetch: backend.fetchFn, checkCredentials: check });
    expect(second.rotated.sort()).toEqual([g1.deviceId, g2.deviceId].sort());
    // Now g1's fresh secret is cached; the checker refuses g1 again → rotated again; g2 reused.
    const third = await provisionDevices({ ...base, gates: 2, speakers: 0, fetch: backend.fetchFn, checkCredentials: check });
    expect(third.rotated).toEqual([g1.deviceId]);
    expect(third.reused).toEqual([g2.deviceId]);
    expect(third.devices[0].password).toBe(backend.devices[0].password);
  });

  it('keeps cached secrets when the broker cannot tell (unknown)', async () => {
    const backend = fakeBackend();
    await provisionDevices({ ...base, gates: 1, speakers: 0, fetch: backend.fetchFn, checkCredentials: async () => 'valid' });
    const again = await provisionDevices({ ...base, gates: 1, speakers: 0, fetch: backend.fetchFn, checkCredentials: async () => 'unknown' });
    expect(again.reused).toHaveLength(1);
  });

  it('fails with the HTTP status on a bad admin login', async () => {
    const backend = fakeBackend();
    await expect(provisionDevices({ ...base, password: 'wrong', gates: 1, speakers: 0, fetch: backend.fetchFn })).rejects.toThrow(/HTTP 401/);
  });
});
