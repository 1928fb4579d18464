// Rate limits of the face endpoints and the entry code, per account and per client IP, shared
// through Redis: 429 with Retry-After; staff enrolling on residents' behalf have their own limit.
import { DataSource } from 'typeorm';
import { asUser, createTestEnv, startTestApi, TestApi, TestEnv } from '@app/testing';
import { buildWorld, consent, embeddingOf, World } from './access-world';

jest.setTimeout(60_000);

describe('rate limits of face enrolment and the entry code', () => {
  let env: TestEnv;
  let api: TestApi;
  let w: World;

  beforeAll(async () => {
    env = await createTestEnv('accesslimits');
    api = await startTestApi(env, {
      INSTANCE_ID: 'access-limits',
      FACE_RATE_WINDOW_SECONDS: '60',
      FACE_WRITES_MAX_PER_ACCOUNT: '2',
      FACE_WRITES_MAX_PER_IP: '4',
      QR_MAX_PER_ACCOUNT: '3',
      QR_MAX_PER_IP: '5',
    });
    w = await buildWorld(api, api.app.get(DataSource));
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const enrol = (token: string, residentId: string) => asUser(api, token).post(`/residents/${residentId}/face`, { embedding: embeddingOf(residentId), consent });
  const expectTooMany = (res: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it('limits face enrolment and withdrawal per account, then per IP across residents; staff keep their own limit', async () => {
    expect((await enrol(w.a.token, w.a.id)).status).toBe(200);
    expect((await enrol(w.a.token, w.a.id)).status).toBe(200);
    expectTooMany(await asUser(api, w.a.token).del(`/residents/${w.a.id}/face`));
    // Another resident's account is fresh, but the address has spent its 4 resident writes.
    expect((await enrol(w.a2.token, w.a2.id)).status).toBe(200);
    expectTooMany(await enrol(w.a2.token, w.a2.id));
    // Staff at the same address enrol on a resident's behalf under their own limit.
    expect((await enrol(w.manager, w.b.id)).status).toBe(200);
    expect((await asUser(api, w.manager).del(`/residents/${w.a.id}/face`)).status).toBe(200);
  });

  it('limits GET /me/qr per account, then per IP', async () => {
    for (let i = 0; i < 3; i++) expect((await asUser(api, w.b.token).get('/me/qr')).status).toBe(200);
    expectTooMany(await asUser(api, w.b.token).get('/me/qr'));
    // 4 of the address's 5 are spent: a2 gets one more code, then the address is out.
    expect((await asUser(api, w.a2.token).get('/me/qr')).status).toBe(200);
    expectTooMany(await asUser(api, w.a2.token).get('/me/qr'));
  });
});
