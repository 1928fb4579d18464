import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeviceCredentials } from './device-credentials';

// Cache of issued device secrets (.data/sim-devices.json, git-ignored) so a restarted simulator
// reuses its devices instead of rotating every secret. Written atomically, readable by owner only.

interface CacheFile {
  version: 1;
  devices: Record<string, DeviceCredentials>;
}

export async function readCredentialsCache(path: string): Promise<Map<string, DeviceCredentials>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as CacheFile;
    if (parsed?.version !== 1 || typeof parsed.devices !== 'object') return new Map();
    return new Map(Object.entries(parsed.devices));
  } catch {
    // A corrupt cache only costs a rotation per device.
    return new Map();
  }
}

export async function writeCredentialsCache(path: string, devices: Map<string, DeviceCredentials>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const body: CacheFile = { version: 1, devices: Object.fromEntries(devices) };
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  await rename(tmp, path);
}
