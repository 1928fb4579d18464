// No Docker engine runs on our machines, so docker-compose.yml is checked here instead: parsed,
// substituted as compose would, and its app environments fed to the real config loader.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, ConfigValidationError, describeConfigVars, loadConfig } from './app-config';

const ROOT = join(__dirname, '..', '..', '..', '..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

type Env = Record<string, string>;
interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Compose's variable substitution: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+a}, ${VAR+a}. */
function substitute(value: string, env: Env): string {
  return value.replace(/\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, dollar, name, op, arg, bare) => {
    if (dollar) return '$';
    if (bare) return env[bare] ?? '';
    const v = env[name as string];
    const unsetOrEmpty = v === undefined || v === '';
    switch (op as string | undefined) {
      case undefined:
        return v ?? '';
      case ':-':
        return unsetOrEmpty ? arg : v;
      case '-':
        return v === undefined ? arg : v;
      case ':?':
      case '?':
        if (op === ':?' ? unsetOrEmpty : v === undefined) throw new Error(`required variable ${name} is missing: ${arg}`);
        return v as string;
      case ':+':
        return unsetOrEmpty ? '' : arg;
      default:
        return v === undefined ? '' : arg;
    }
  });
}

function substituteAll<T>(node: T, env: Env): T {
  if (typeof node === 'string') return substitute(node, env) as T;
  if (Array.isArray(node)) return node.map((n) => substituteAll(n, env)) as T;
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substituteAll(v, env)])) as T;
  }
  return node;
}

/** The compose file as `docker compose config` would see it with the given .env / shell values. */
function loadCompose(env: Env = {}): ComposeFile {
  return substituteAll(parse(read('docker-compose.yml'), { merge: true }) as ComposeFile, env);
}

function environmentOf(svc: Service): Env {
  const raw = svc.environment ?? {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(raw.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v as string]));
}

/** loadConfig, but a failure names every problem in the assertion message. */
function configOf(env: Env): { config?: AppConfig; problems: string[] } {
  try {
    return { config: loadConfig(env, 'compose', 1), problems: [] };
  } catch (err) {
    if (err instanceof ConfigValidationError) return { problems: err.problems };
    throw err;
  }
}

const commandOf = (svc: Service) => (Array.isArray(svc.command) ? svc.command : (svc.command ?? '').split(/\s+/).filter(Boolean));
const conditionOf = (svc: Service, dep: string) =>
  Array.isArray(svc.depends_on) ? (svc.depends_on.includes(dep) ? 'service_started' : undefined) : svc.depends_on?.[dep]?.condition;

/** Mosquitto directives as `name -> values`, comments dropped. */
function directives(conf: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of conf.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const [name, ...rest] = t.split(/\s+/);
    out.set(name, [...(out.get(name) ?? []), rest.join(' ')]);
  }
  return out;
}

const APPS = ['api', 'worker'] as const;
const SECRETS = ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'QR_SECRET', 'MQTT_PASSWORD', 'MQTT_DYNSEC_PASSWORD'];
const BROKER_ACCOUNT_VARS = ['MQTT_TOPIC_ROOT', 'MQTT_USERNAME', 'MQTT_PASSWORD', 'MQTT_DYNSEC_USERNAME', 'MQTT_DYNSEC_PASSWORD'];

describe('docker-compose.yml', () => {
  const compose = loadCompose();
  const svc = (name: string) => {
    const s = compose.services[name];
    if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
    return s;
  };

  it('resolves every ${...} on a fresh clone with no .env', () => {
    expect(() => loadCompose({})).not.toThrow();
    expect(JSON.stringify(compose)).not.toMatch(/\$\{/);
  });

  it.each(APPS)('gives the %s a valid production configuration', (name) => {
    const { config, problems } = configOf(environmentOf(svc(name)));
    expect(problems).toEqual([]);
    expect(config?.nodeEnv).toBe('production');
    expect(config?.mqtt.username).toBeDefined();
  });

  it.each(APPS)('sets only variables the %s reads (a misspelt name would be ignored silently)', (name) => {
    const known = new Set(describeConfigVars().map((v) => v.name));
    expect(Object.keys(environmentOf(svc(name))).filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(APPS)('passes the %s every value as a string', (name) => {
    const raw = parse(read('docker-compose.yml'), { merge: true }).services[name].environment as Record<string, unknown>;
    expect(Object.entries(raw).filter(([, v]) => typeof v !== 'string')).toEqual([]);
  });

  it('points the apps at the compose services', () => {
    const pg = environmentOf(svc('postgres'));
    for (const name of APPS) {
      const c = configOf(environmentOf(svc(name))).config as AppConfig;
      const db = new URL(c.database.url);
      expect([db.hostname, db.port, db.username, decodeURIComponent(db.password), db.pathname]).toEqual([
        'postgres',
        '5432',
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        `/${pg.POSTGRES_DB}`,
      ]);
      expect(new URL(c.redis.url).hostname).toBe('redis');
      expect(new URL(c.mqtt.url).host).toBe('mosquitto:1883');
    }
    const api = configOf(environmentOf(svc('api'))).config as AppConfig;
    expect(svc('api').ports).toContain(`${api.http.port}:${api.http.port}`);
    expect(JSON.stringify(svc('api').healthcheck?.test)).toContain(`127.0.0.1:${api.http.port}/health`);
    expect(api.demo.seed).toBe(true);
  });

  it('lets .env override every secret, and the database password reaches both ends', () => {
    const overrides: Env = Object.fromEntries([...SECRETS, 'POSTGRES_PASSWORD'].map((k) => [k, `from-dotenv-${k.toLowerCase()}-0123456789abcdef`]));
    const c = loadCompose(overrides);
    for (const name of APPS) {
      const env = environmentOf(c.services[name]);
      for (const k of SECRETS) expect(env[k]).toBe(overrides[k]);
      expect(configOf(env).problems).toEqual([]);
      expect(decodeURIComponent(new URL(env.DATABASE_URL).password)).toBe(overrides.POSTGRES_PASSWORD);
    }
    expect(environmentOf(c.services.postgres).POSTGRES_PASSWORD).toBe(overrides.POSTGRES_PASSWORD);
  });

  it('creates the same broker accounts in mosquitto-init that the apps log in with', () => {
    const init = environmentOf(svc('mosquitto-init'));
    for (const name of APPS) {
      const env = environmentOf(svc(name));
      for (const k of BROKER_ACCOUNT_VARS) expect([name, k, env[k]]).toEqual([name, k, init[k]]);
    }
    const api = configOf(environmentOf(svc('api'))).config as AppConfig;
    expect(api.mqtt.dynsecEnabled).toBe(true);
    // The backend's own role has no $CONTROL access: provisioning must use the dynsec admin.
    expect(api.mqtt.dynsecUsername).not.toBe(api.mqtt.username);
    expect(environmentOf(svc('mosquitto')).MQTT_DYNSEC_PASSWORD).toBe(init.MQTT_DYNSEC_PASSWORD);
  });

  it('runs Redis with AOF persistence and the noeviction policy', () => {
    const cmd = commandOf(svc('redis')).join(' ');
    expect(cmd).toMatch(/--appendonly yes\b/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction\b/);
    expect(svc('redis').volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('health-checks Postgres, Redis and Mosquitto and starts the apps only once they are healthy', () => {
    for (const name of ['postgres', 'redis', 'mosquitto', 'api']) expect([name, Boolean(svc(name).healthcheck?.test)]).toEqual([name, true]);
    for (const name of APPS) {
      for (const dep of ['postgres', 'redis', 'mosquitto']) expect([name, dep, conditionOf(svc(name), dep)]).toEqual([name, dep, 'service_healthy']);
    }
    expect(conditionOf(svc('mosquitto'), 'mosquitto-init')).toBe('service_completed_successfully');
    expect(conditionOf(svc('devices-sim'), 'api')).toBe('service_healthy');
  });

  it('mounts a Mosquitto config from deploy/ that refuses anonymous clients and loads dynamic security', () => {
    const mount = (svc('mosquitto').volumes ?? []).find((v) => v.split(':')[1] === '/mosquitto/config/mosquitto.conf');
    expect(mount).toBeDefined();
    const source = (mount as string).split(':')[0];
    expect(source.startsWith('./deploy/')).toBe(true);
    expect(existsSync(join(ROOT, source))).toBe(true);
    const conf = directives(read(source));
    expect(conf.get('allow_anonymous')).toEqual(['false']);
    expect(conf.get('per_listener_settings')).toEqual(['false']);
    expect(conf.get('listener')).toEqual(['1883']);
    expect(conf.get('plugin')).toEqual(['/usr/lib/mosquitto_dynamic_security.so']);
    expect(conf.get('persistence')).toEqual(['true']);

    // The dynsec file lives on the data volume that mosquitto-init writes it to.
    const dynsecFile = (conf.get('plugin_opt_config_file') ?? [''])[0];
    const dataVolume = (svc('mosquitto').volumes ?? []).find((v) => dynsecFile.startsWith(`${v.split(':')[1]}/`));
    expect(dataVolume).toBeDefined();
    expect(svc('mosquitto-init').volumes).toContain(dataVolume);
    const initCmd = commandOf(svc('mosquitto-init'));
    expect(initCmd[initCmd.length - 1]).toBe(dynsecFile);
    // The script it runs is in a directory mounted from deploy/.
    const script = initCmd.find((a) => a.endsWith('init-dynsec.sh')) as string;
    const scriptMount = (svc('mosquitto-init').volumes ?? []).find((v) => script.startsWith(`${v.split(':')[1]}/`)) as string;
    expect(scriptMount).toBeDefined();
    expect(existsSync(join(ROOT, scriptMount.split(':')[0], script.slice(scriptMount.split(':')[1].length)))).toBe(true);
  });

  it('keeps the Debian and the Docker Mosquitto configs in step', () => {
    const debian = directives(read('deploy/mosquitto/mosquitto.conf'));
    const docker = directives(read('deploy/mosquitto/mosquitto.docker.conf'));
    // What may differ: where the plugin and files are, where it listens, where logs go.
    const local = ['listener', 'plugin', 'plugin_opt_config_file', 'persistence_location', 'log_dest'];
    const shared = (m: Map<string, string[]>) => [...m].filter(([k]) => !local.includes(k)).sort(([a], [b]) => a.localeCompare(b));
    expect(shared(debian)).toEqual(shared(docker));
    expect(debian.get('plugin')).toEqual(['/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so']);
    // Without a listener Mosquitto 2.0 runs in "local only mode", which admits anonymous clients.
    expect(debian.get('listener')).toEqual(['1883 127.0.0.1']);
  });

  it('runs entry points that the build produces, from one image', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/node deploy\/link-path-aliases\.js dist/);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd && JSON.parse(cmd[1])).toEqual(['node', 'dist/apps/api/src/main.js']);

    const entry = (svcName: string) => (svc(svcName).command ? commandOf(svc(svcName)) : (JSON.parse((cmd as RegExpExecArray)[1]) as string[]))[1];
    expect(entry('api')).toBe('dist/apps/api/src/main.js');
    expect(entry('worker')).toBe('dist/apps/worker/src/main.js');
    for (const name of ['api', 'worker']) {
      expect(existsSync(join(ROOT, entry(name).replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
    // The simulator starts through a wrapper that the image carries and that runs the built CLI.
    expect(entry('devices-sim')).toBe('deploy/sim-start.js');
    expect(dockerfile).toMatch(/^COPY deploy\/sim-start\.js \.\/deploy\/$/m);
    expect(read('deploy/sim-start.js')).toContain("'dist', 'devices-sim', 'src', 'cli.js'");
    const images = ['api', 'worker', 'devices-sim'].map((n) => svc(n).image);
    expect(new Set(images).size).toBe(1);
  });

  it('sends the image build everything it compiles', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'));
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    const needed = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'deploy/link-path-aliases.js',
      ...build.include.map((g) => g.split('/')[0]),
    ];
    expect(needed.filter((n) => ignored.some((p) => p === n || n.startsWith(`${p}/`)))).toEqual([]);
  });

  it('points the simulator at the api and the broker by service name, as the seeded admin', () => {
    const args = commandOf(svc('devices-sim'));
    const opt = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
    expect(opt('--api')).toBe('http://api:3000');
    expect(opt('--mqtt-url')).toBe('mqtt://mosquitto:1883');
    const api = configOf(environmentOf(svc('api'))).config as AppConfig;
    expect(opt('--root')).toBe(api.mqtt.topicRoot);
    expect(opt('--login')).toBe(api.demo.adminLogin);
    // The password travels in the environment, not on the command line.
    expect(opt('--password')).toBeUndefined();
    expect(environmentOf(svc('devices-sim')).SIM_ADMIN_PASSWORD).toBe(api.demo.adminPassword);
  });

  const cliOptionsPath = join(ROOT, 'devices-sim', 'src', 'cli-options.ts');
  (existsSync(cliOptionsPath) ? it : it.skip)('passes the simulator only options its CLI declares', () => {
    const cli = readFileSync(cliOptionsPath, 'utf8');
    const flags = commandOf(svc('devices-sim'))
      .filter((a) => a.startsWith('--'))
      .map((a) => a.slice(2));
    const declared = (f: string) => cli.includes(`'${f}':`) || new RegExp(`^\\s+${f}:\\s*\\{`, 'm').test(cli);
    expect(flags.filter((f) => !declared(f))).toEqual([]);
    expect(cli).toContain('SIM_ADMIN_PASSWORD');
  });
});

describe('compose variable substitution (the helper the checks above rely on)', () => {
  it('follows compose: fallbacks, required values, escapes', () => {
    expect(substitute('${A:-x}/${B-y}/${C:-z}', { A: 'a', C: '' })).toBe('a/y/z');
    expect(substitute('${C-z}', { C: '' })).toBe('');
    expect(substitute('$$SYS and $A', { A: 'a' })).toBe('$SYS and a');
    expect(substitute('${A:+set}${B:+set}', { A: '1' })).toBe('set');
    expect(() => substitute('${S:?set S in .env}', {})).toThrow(/S is missing: set S in .env/);
  });
});
