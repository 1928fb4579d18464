import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './api-process';

const DEPLOY_CONF = path.resolve(__dirname, '../../../deploy/mosquitto/mosquitto.conf');

export interface MosquittoProcess {
  url: string;
  port: number;
  dir: string;
  /** Stops the broker (SIGTERM: it saves its persistence file), waits `downMs`, starts it again on the same port and state. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private Mosquitto with the project's production tuning (deploy/mosquitto/mosquitto.conf: in-flight
 * window, queue sizes, persistence) on a free port. With `anonymous`, the dynamic-security plugin is
 * left out (benchmarks and load tests that are not about broker security).
 */
export async function startMosquitto(opts: { anonymous: boolean }): Promise<MosquittoProcess> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-mosq-'));
  let conf = readFileSync(DEPLOY_CONF, 'utf8').replace(/^listener .*$/m, `listener ${port} 127.0.0.1`);
  conf = conf.replace(/^persistence_location .*$/m, '');
  if (opts.anonymous) conf = conf.replace(/^plugin.*$/gm, '').replace(/^allow_anonymous .*$/m, 'allow_anonymous true');
  conf += `\npersistence_location ${dir}/\n`;
  const confFile = path.join(dir, 'broker.conf');
  writeFileSync(confFile, conf);
  let child = await launch(confFile, dir, port);
  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    restart: async (downMs = 0) => {
      await halt();
      await new Promise((r) => setTimeout(r, downMs));
      child = await launch(confFile, dir, port);
    },
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(conf: string, dir: string, port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn('mosquitto', ['-c', conf], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'] });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}
