// Private Postgres and Redis for the fault suite, on free ports, so a scenario can stop, kill or
// restart them without touching the machine's shared services (other people's tests use those).
// Mosquitto comes from libs/testing (startMosquitto, with restart).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@app/testing/api-process';
import { listening } from '@app/testing/mosquitto-process';

const PG_BIN = process.env.SC_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  port: number;
  urlOf(db: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m fast`: sessions are ended, new connections refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and deletes the cluster. */
  destroy(): Promise<void>;
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SIGTERM (with AOF on, what was written is replayed at the next start). */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A throwaway Postgres cluster (initdb in a temp dir, trust auth, unix socket in that dir). Postgres
 * refuses to run as root, so its commands run as the `postgres` OS user when we are root.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-fault-pg-'));
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pgCmd = (bin: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args]) as [string, string[]];
  const data = path.join(dir, 'data');
  const run = (bin: string, args: string[]) => {
    const [cmd, argv] = pgCmd(bin, args);
    execFileSync(cmd, argv, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
  const start = async () => {
    run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    } catch {
      // already stopped
    }
  };
  await start();
  // pg_ctl daemonizes the server: if this process dies without destroy(), stop the cluster anyway.
  const stopAtExit = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
  };
  process.once('exit', stopAtExit);
  const urlOf = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    urlOf,
    createDatabase: async (name) => {
      const c = new Client({ connectionString: urlOf('postgres') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name}"`);
      } finally {
        await c.end();
      }
      return urlOf(name);
    },
    stop,
    start,
    destroy: async () => {
      process.removeListener('exit', stopAtExit);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A private redis-server; `appendOnly` as in production (DESIGN.md: Redis with AOF). */
export async function startPrivateRedis(opts: { appendOnly: boolean }): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-fault-redis-'));
  let child: ChildProcess | null = null;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', opts.appendOnly ? 'yes' : 'no', '--appendfsync', 'everysec', '--daemonize', 'no', '--maxmemory-policy', 'noeviction'];
  const start = async () => {
    const c = spawn('redis-server', args, { cwd: dir, stdio: 'ignore' });
    child = c;
    await waitListening(port, () => c.exitCode !== null, 'redis-server');
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (c && c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await once(c, 'exit');
    }
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitListening(port: number, exited: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (await listening(port)) return;
    if (exited()) throw new Error(`${what} exited before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
