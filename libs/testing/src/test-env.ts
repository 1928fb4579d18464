import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, ALL_MIGRATIONS, loadConfig } from '@app/core';

// Integration tests isolate themselves: each test file gets its own database (cloned from a migrated
// template made once per run), its own Redis key prefix and its own MQTT topic root.

export const TEST_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_ENV = 'SC_TEST_TEMPLATE_DB';
const RUN_ENV = 'SC_TEST_RUN_ID';

function pgUrl(db: string): string {
  return `postgres://postgres@127.0.0.1:5432/${db}`;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** globalSetup: one migrated template database per test run. */
export async function createTemplateDatabase(): Promise<{ runId: string; template: string }> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `sc_tpl_${runId}`;
  await admin((c) => c.query(`CREATE DATABASE "${template}"`));
  const ds = new DataSource({ type: 'postgres', url: pgUrl(template), migrations: ALL_MIGRATIONS, uuidExtension: 'pgcrypto' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env[TEMPLATE_ENV] = template;
  process.env[RUN_ENV] = runId;
  return { runId, template };
}

/** globalTeardown: drops the template and every database this run cloned from it. */
export async function dropRunDatabases(): Promise<void> {
  const runId = process.env[RUN_ENV];
  if (!runId) return;
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`, [`sc_t_${runId}_%`, `sc_tpl_${runId}`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export interface TestEnv {
  name: string;
  databaseUrl: string;
  redisPrefix: string;
  topicRoot: string;
  /** A validated config pointing at this environment; override anything with `overrides`. */
  config(overrides?: Record<string, string>): AppConfig;
  /** The environment variables of that config (to start the apps as child processes). */
  env(overrides?: Record<string, string>): Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, migrated, isolated environment for one test file. */
export async function createTestEnv(label = 'x'): Promise<TestEnv> {
  const template = process.env[TEMPLATE_ENV];
  const runId = process.env[RUN_ENV];
  if (!template || !runId) throw new Error('integration tests need the jest globalSetup (test/global-setup.ts)');
  const suffix = randomBytes(4).toString('hex');
  const name = `sc_t_${runId}_${label.replace(/[^a-z0-9]/gi, '').slice(0, 12).toLowerCase()}_${suffix}`;
  // CREATE DATABASE … TEMPLATE needs the template to have no other connections; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: pgUrl(name),
    DATABASE_POOL_SIZE: '5',
    REDIS_KEY_PREFIX: `t-${runId}-${suffix}`,
    MQTT_TOPIC_ROOT: `t-${runId}-${suffix}/v1`,
    MQTT_CLIENT_ID_PREFIX: `t-${suffix}`,
    PORT: '0',
    DEVICE_PRESENCE_SWEEP_SECONDS: '1',
  };
  const env = (overrides: Record<string, string> = {}) => ({ ...base, ...overrides });
  return {
    name,
    databaseUrl: base.DATABASE_URL,
    redisPrefix: base.REDIS_KEY_PREFIX,
    topicRoot: base.MQTT_TOPIC_ROOT,
    env,
    config: (overrides) => loadConfig(env(overrides), 'test', process.pid),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
