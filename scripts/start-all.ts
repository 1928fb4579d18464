// `npm start`: the whole system on one machine — api, worker and a simulated community — against the
// Postgres, Redis and Mosquitto on localhost. Creates the database on first start, seeds the demo
// community (idempotent), then prints the URLs and demo logins. Ctrl-C stops everything.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { configOrExit, ensureDatabaseExists } from '@app/core';
import { demoResidentPhone, planDemoCommunity } from '@app/community';
import { ensureConsoleBuilt } from './console-build';

const ROOT = path.resolve(__dirname, '..');
const children: ChildProcess[] = [];

function run(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args], {
    cwd: ROOT,
    env: { ...env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping everything\n`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  process.exit(code);
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`api not ready at ${url} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function demoSiteId(api: string, login: string, password: string): Promise<string> {
  const auth = (await (await fetch(`${api}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) })).json()) as { accessToken?: string };
  if (!auth.accessToken) throw new Error('demo admin cannot sign in (was the demo seed changed?)');
  const sites = (await (await fetch(`${api}/api/v1/sites?limit=200`, { headers: { authorization: `Bearer ${auth.accessToken}` } })).json()) as { items: { id: string; code: string }[] };
  const site = sites.items.find((s) => s.code === 'demo');
  if (!site) throw new Error('demo site not found');
  return site.id;
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Quieter logs by default so the banner and the simulator's summary stay readable; LOG_LEVEL overrides.
  const env: NodeJS.ProcessEnv = { DEMO_SEED: 'true', LOG_LEVEL: 'warn', ...process.env };
  const config = configOrExit();
  if (await ensureDatabaseExists(config.database.url)) process.stdout.write(`created database ${new URL(config.database.url).pathname.slice(1)}\n`);
  const api = `http://127.0.0.1:${config.http.port}`;
  if (ensureConsoleBuilt()) process.stdout.write('built the web console (apps/console/dist)\n');

  run('api', 'apps/api/src/main.ts', [], env);
  run('worker', 'apps/worker/src/main.ts', [], env);
  await waitReady(api, 120_000);
  const siteId = await demoSiteId(api, config.demo.adminLogin, config.demo.adminPassword);
  run('devices-sim', 'devices-sim/src/cli.ts', ['--api', api, '--login', config.demo.adminLogin, '--site', siteId, '--root', config.mqtt.topicRoot, '--mqtt-url', config.mqtt.url, '--gates', '6', '--speakers', '4'], {
    ...env,
    SIM_ADMIN_PASSWORD: config.demo.adminPassword,
  });

  const pw = config.demo.adminPassword;
  const staff = planDemoCommunity(config.demo.adminLogin).staff;
  const loginOf = (position: string) => staff.filter((s) => s.position === position).map((s) => s.email ?? s.phone).join(', ');
  process.stdout.write(
    [
      '',
      'Smart community is running:',
      `  console        ${api}/console/`,
      `  API            ${api}/api/v1`,
      `  API docs       ${api}/api/docs`,
      `  health         ${api}/health/ready`,
      `  metrics        ${api}/metrics`,
      `  MQTT           ${config.mqtt.url} (topic root ${config.mqtt.topicRoot})`,
      'Demo logins (password for all: ' + pw + '):',
      `  admin          ${config.demo.adminLogin}`,
      `  managers       ${loginOf('manager')}`,
      `  technicians    ${loginOf('technician')}`,
      `  residents      ${demoResidentPhone(1)} … ${demoResidentPhone(500)}`,
      'Ctrl-C stops api, worker and simulator.',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  void stop(1);
});
