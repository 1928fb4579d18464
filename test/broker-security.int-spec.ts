import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import mqtt, { MqttClient } from 'mqtt';
import { loadConfig } from '@app/core';
import { deviceTopic } from '@app/contracts';
import { createBrokerAccounts } from '@app/devices/broker/broker-accounts.provider';
import { DynsecBrokerAccounts } from '@app/devices/broker/dynsec-broker-accounts';

// Starts its own Mosquitto with the project's config (deploy/mosquitto: dynamic security, anonymous
// refused) on a free port, provisions devices through DynsecBrokerAccounts exactly as the api does,
// and checks what the broker lets each client do. With MQTT 3.1.1 a denied QoS 1 publish is still
// PUBACKed, so every "cannot publish" check looks at what a subscriber received.

const DEPLOY = join(__dirname, '..', 'deploy', 'mosquitto');
const ROOT = 'bsec/v1';
const ADMIN = { username: 'dynsec-admin', password: 'bsec-admin-pw-1' };
const BACKEND = { username: 'sc-backend', password: 'bsec-backend-pw-1' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with `p`, or rejects after `ms` (and leaves no timer behind). */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = new Socket();
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
      sock.connect(port, '127.0.0.1');
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`broker did not listen on ${port}`);
    await sleep(100);
  }
}

describe('broker security: Mosquitto dynamic security with per-device roles', () => {
  let dir: string;
  let port: number;
  let url: string;
  let broker: ChildProcess;
  let brokerLog = '';
  let accounts: DynsecBrokerAccounts;
  let backend: MqttClient;
  const clients: MqttClient[] = [];

  /** Connects once (no reconnect); rejects with the broker's refusal. Every client is ended in afterAll. */
  function connect(username: string | undefined, password: string | undefined, clientId = username ?? `anon-${Date.now()}`): Promise<MqttClient> {
    const c = mqtt.connect(url, { username, password, clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3000 });
    clients.push(c);
    return new Promise((resolve, reject) => {
      c.once('connect', () => resolve(c));
      c.once('error', reject);
      c.once('close', () => reject(new Error('connection closed')));
      c.on('error', () => undefined);
    });
  }

  async function refused(username: string | undefined, password: string | undefined, clientId?: string): Promise<string> {
    try {
      const c = await connect(username, password, clientId);
      await c.endAsync();
      return 'accepted';
    } catch (err) {
      return (err as Error).message;
    }
  }

  /** Collects what `client` receives on `filter`. */
  async function inbox(client: MqttClient, filter: string): Promise<string[]> {
    const got: string[] = [];
    client.on('message', (topic, payload) => {
      if (topicMatches(filter, topic)) got.push(`${topic} ${payload.toString()}`);
    });
    const [grant] = await client.subscribeAsync(filter, { qos: 1 });
    if (grant.qos === 128) throw new Error(`subscription to ${filter} refused`);
    return got;
  }

  async function until(cond: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  const topic = (id: string, ch: Parameters<typeof deviceTopic>[2]) => deviceTopic(ROOT, id, ch);

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    dir = mkdtempSync(join(tmpdir(), 'sc-bsec-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    url = `mqtt://127.0.0.1:${port}`;
    const haveProjectConfig = existsSync(join(DEPLOY, 'mosquitto.conf')) && existsSync(join(DEPLOY, 'init-dynsec.sh'));
    if (!haveProjectConfig) throw new Error('deploy/mosquitto/mosquitto.conf and init-dynsec.sh are needed');
    execFileSync('sh', [join(DEPLOY, 'init-dynsec.sh'), join(dir, 'dynamic-security.json')], {
      env: { ...process.env, MQTT_DYNSEC_USERNAME: ADMIN.username, MQTT_DYNSEC_PASSWORD: ADMIN.password, MQTT_USERNAME: BACKEND.username, MQTT_PASSWORD: BACKEND.password, MQTT_TOPIC_ROOT: ROOT },
      stdio: 'pipe',
    });
    // The project's config on our port (replace the listener line; never drop it: "local only mode").
    const conf = readFileSync(join(DEPLOY, 'mosquitto.conf'), 'utf8').replace(/^listener .*$/m, `listener ${port} 127.0.0.1`);
    writeFileSync(join(dir, 'broker.conf'), conf);
    broker = spawn('mosquitto', ['-c', join(dir, 'broker.conf')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    broker.stderr?.on('data', (d: Buffer) => (brokerLog += d.toString()));
    await waitForPort(port);

    const config = loadConfig({
      NODE_ENV: 'test',
      MQTT_URL: url,
      MQTT_TOPIC_ROOT: ROOT,
      MQTT_USERNAME: BACKEND.username,
      MQTT_PASSWORD: BACKEND.password,
      MQTT_DYNSEC_ENABLED: 'true',
      MQTT_DYNSEC_USERNAME: ADMIN.username,
      MQTT_DYNSEC_PASSWORD: ADMIN.password,
      MQTT_CLIENT_ID_PREFIX: 'bsec',
    });
    const made = createBrokerAccounts(config);
    expect(made).toBeInstanceOf(DynsecBrokerAccounts);
    accounts = made as DynsecBrokerAccounts;
    backend = await connect(BACKEND.username, BACKEND.password, 'bsec-backend-observer');
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.endAsync(true)));
    await accounts?.onModuleDestroy();
    if (broker && broker.exitCode === null) {
      const exited = new Promise((r) => broker.once('exit', r));
      broker.kill('SIGTERM');
      await within(exited, 3000, 'broker exit').catch(() => undefined);
      if (broker.exitCode === null) broker.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('provisions devices through $CONTROL/dynamic-security (saved to the dynsec file)', async () => {
    await accounts.provision('gate-a', 'gate', 'pw-a-1');
    await accounts.provision('gate-b', 'gate', 'pw-b-1');
    const file = readFileSync(join(dir, 'dynamic-security.json'), 'utf8');
    expect(file).toContain('"device-gate-a"');
    expect(file).toContain('"gate-b"');
    const a = await connect('gate-a', 'pw-a-1');
    expect(a.connected).toBe(true);
  });

  it('refuses anonymous clients, a wrong password and a foreign client id', async () => {
    expect(await refused(undefined, undefined, 'anon-1')).toMatch(/Not authorized|Bad User Name or Password/i);
    expect(await refused('gate-a', 'wrong-password')).toMatch(/Not authorized|Bad User Name or Password/i);
    expect(await refused('gate-a', 'pw-a-1', 'gate-b')).toMatch(/Not authorized|identifier rejected/i);
  });

  it('device A cannot publish as device B (its own events arrive, the forged ones do not)', async () => {
    const got = await inbox(backend, `${ROOT}/devices/+/events`);
    const a = await connect('gate-a', 'pw-a-1', 'gate-a');
    await a.publishAsync(topic('gate-b', 'events'), '{"forged":1}', { qos: 1 });
    await a.publishAsync(topic('gate-b', 'status'), '{"online":false}', { qos: 1 });
    await a.publishAsync(topic('gate-a', 'events'), '{"own":1}', { qos: 1 });
    await until(() => got.some((m) => m.includes('"own":1')), "A's own event");
    await sleep(200);
    expect(got).toEqual([`${topic('gate-a', 'events')} {"own":1}`]);
    await a.endAsync();
  });

  it('device A cannot read B’s commands, by topic or by wildcard', async () => {
    const a = await connect('gate-a', 'pw-a-1', 'gate-a');
    // SUBACK 0x80 (failure): MQTT.js rejects the subscription.
    await expect(a.subscribeAsync(topic('gate-b', 'commands'), { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(a.subscribeAsync(`${ROOT}/devices/+/commands`, { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(a.subscribeAsync(`${ROOT}/#`, { qos: 1 })).rejects.toThrow(/Subscribe error/);
    const b = await connect('gate-b', 'pw-b-1', 'gate-b');
    const bGot = await inbox(b, topic('gate-b', 'commands'));
    const aGot: string[] = [];
    a.on('message', (t, p) => aGot.push(`${t} ${p.toString()}`));
    await backend.publishAsync(topic('gate-b', 'commands'), '{"type":"gate.open"}', { qos: 1 });
    await until(() => bGot.length === 1, "B's command");
    await sleep(200);
    expect(aGot).toEqual([]);
    await Promise.all([a.endAsync(), b.endAsync()]);
  });

  it('a device cannot publish commands or config, to itself or to others', async () => {
    const a = await connect('gate-a', 'pw-a-1', 'gate-a');
    const b = await connect('gate-b', 'pw-b-1', 'gate-b');
    const aGot = await inbox(a, topic('gate-a', 'commands'));
    const bGot = await inbox(b, topic('gate-b', 'commands'));
    const aConfig = await inbox(a, topic('gate-a', 'config'));
    await a.publishAsync(topic('gate-a', 'commands'), '{"type":"gate.open","forged":"self"}', { qos: 1 });
    await a.publishAsync(topic('gate-b', 'commands'), '{"type":"gate.open","forged":"other"}', { qos: 1 });
    await a.publishAsync(topic('gate-a', 'config'), '{"version":999}', { qos: 1, retain: true });
    // The backend may: its command arrives, proving the device's forgeries were dropped, not slow.
    await backend.publishAsync(topic('gate-b', 'commands'), '{"type":"gate.deny"}', { qos: 1 });
    await backend.publishAsync(topic('gate-a', 'commands'), '{"type":"gate.deny"}', { qos: 1 });
    await until(() => aGot.length >= 1 && bGot.length >= 1, 'the backend commands');
    await sleep(200);
    expect(aGot).toEqual([`${topic('gate-a', 'commands')} {"type":"gate.deny"}`]);
    expect(bGot).toEqual([`${topic('gate-b', 'commands')} {"type":"gate.deny"}`]);
    expect(aConfig).toEqual([]);
    await Promise.all([a.endAsync(), b.endAsync()]);
  });

  it('a rotated password replaces the old one at once (open connection kicked, old password refused)', async () => {
    await accounts.provision('speaker-r', 'speaker', 'pw-r-1');
    const live = await connect('speaker-r', 'pw-r-1');
    const closed = new Promise<void>((r) => live.once('close', () => r()));
    await accounts.setPassword('speaker-r', 'pw-r-2');
    await within(closed, 3000, 'old connection closed');
    expect(await refused('speaker-r', 'pw-r-1')).toMatch(/Not authorized|Bad User Name or Password/i);
    const renewed = await connect('speaker-r', 'pw-r-2');
    const got = await inbox(backend, topic('speaker-r', 'telemetry'));
    await renewed.publishAsync(topic('speaker-r', 'telemetry'), '{"n":1}', { qos: 1 });
    await until(() => got.length === 1, 'telemetry after rotation');
  });

  it('a decommissioned (removed) device is disconnected and refused; removing twice is fine', async () => {
    await accounts.provision('gate-d', 'gate', 'pw-d-1');
    const live = await connect('gate-d', 'pw-d-1');
    const closed = new Promise<void>((r) => live.once('close', () => r()));
    await accounts.remove('gate-d');
    await within(closed, 3000, 'removed device disconnected');
    expect(await refused('gate-d', 'pw-d-1')).toMatch(/Not authorized|Bad User Name or Password/i);
    await expect(accounts.remove('gate-d')).resolves.toBeUndefined();
    expect(readFileSync(join(dir, 'dynamic-security.json'), 'utf8')).not.toContain('"device-gate-d"');
  });

  it('provisioning an existing id again replaces its password and role', async () => {
    await accounts.provision('gate-a', 'gate', 'pw-a-2');
    expect(await refused('gate-a', 'pw-a-1')).toMatch(/Not authorized|Bad User Name or Password/i);
    const a = await connect('gate-a', 'pw-a-2', 'gate-a');
    const got = await inbox(backend, topic('gate-a', 'acks'));
    await a.publishAsync(topic('gate-a', 'acks'), '{"n":2}', { qos: 1 });
    await until(() => got.length === 1, 'ack after re-provisioning');
    expect(brokerLog).not.toMatch(/Error: Unable to load/);
  });
});

/** MQTT filter match (+ and #), enough for the filters used here. */
function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}
