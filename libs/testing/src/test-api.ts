import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import request from 'supertest';
import { AppConfig } from '@app/core';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { TestEnv } from './test-env';

export interface TestApi {
  app: INestApplication;
  url: string;
  config: AppConfig;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Starts the real api (real Postgres, Redis, Mosquitto) on a free port for one test file. */
export async function startTestApi(env: TestEnv, overrides?: Record<string, string>): Promise<TestApi> {
  const config = env.config(overrides);
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    config,
    http: request(url),
    close: async () => {
      await app.close();
      await clearRedisPrefix(config.redis.url, config.redis.keyPrefix);
    },
  };
}

/** Deletes every Redis key of one test environment. */
export async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
