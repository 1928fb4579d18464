import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AppConfig } from '@app/core';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { clearRedisPrefix } from './redis-prefix';
import { TestEnv } from './test-env';

export { clearRedisPrefix };

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

/** Signs in over HTTP and returns the access token (fails the test on anything but 200). */
export async function signIn(api: TestApi, login: string, password: string): Promise<string> {
  const res = await api.http.post('/api/v1/auth/login').send({ login, password });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Requests under /api/v1 with a bearer token. */
export function asUser(api: TestApi, token: string) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(api.http.get(`/api/v1${url}`)),
    post: (url: string, body?: object) => auth(api.http.post(`/api/v1${url}`)).send(body),
    put: (url: string, body?: object) => auth(api.http.put(`/api/v1${url}`)).send(body),
    patch: (url: string, body: object) => auth(api.http.patch(`/api/v1${url}`)).send(body),
    del: (url: string) => auth(api.http.delete(`/api/v1${url}`)),
  };
}

/** The fields named in a 400's details. */
export const fieldsOf = (body: { details?: { field: string }[] }): string[] => (body.details ?? []).map((d) => d.field);
