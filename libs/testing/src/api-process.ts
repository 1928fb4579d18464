import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hooks, no drain — a crash. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs an app (api or worker) as a real child process, as production would. */
export async function spawnApp(app: 'api' | 'worker', env: Record<string, string>, readyTimeoutMs = 60_000): Promise<AppProcess> {
  const port = await freePort();
  // APP_NODE_ARGS: node flags for the child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile
  // the api under a benchmark (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = process.env.APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = once(child, 'exit');
  const deadline = Date.now() + readyTimeoutMs;
  const ready = async () => {
    if (app === 'worker') return out.includes('worker') && out.includes('started');
    try {
      const r = await fetch(`${url}/health/ready`);
      return r.status === 200;
    } catch {
      return false;
    }
  };
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => out,
    kill9: async () => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}

/** Signs in over HTTP and provisions a device, as an installer would (typed, for child-process tests). */
export async function provisionDeviceOverHttp(url: string, login: string, password: string, body: { kind: 'gate' | 'speaker'; siteId: string; name: string }): Promise<{ id: string; password: string }> {
  const auth = (await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) })).json()) as { accessToken: string };
  const res = await fetch(`${url}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.accessToken}` }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${await res.text()}`);
  const d = (await res.json()) as { id: string; credentials: { password: string } };
  return { id: d.id, password: d.credentials.password };
}

/** JSON over HTTP with a bearer token against an app process (for specs that run the api as a child). */
export function httpJson(baseUrl: () => string, token: () => string) {
  return async <T>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl()}${p}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
