import { DataSource } from 'typeorm';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, createTestEnv, startTestApi } from '@app/testing';

describe('accounts and auth (real Postgres and Redis)', () => {
  let env: TestEnv;
  let api: TestApi;
  let f: Factories;

  beforeAll(async () => {
    env = await createTestEnv('auth');
    api = await startTestApi(env, { LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '1000', LOGIN_WINDOW_SECONDS: '60', JWT_ACCESS_TTL_SECONDS: '60' });
    f = new Factories(api.app.get(DataSource));
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const login = (loginId: string, password = TEST_PASSWORD) => api.http.post('/api/v1/auth/login').send({ login: loginId, password });

  it('signs a resident in by phone, in any formatting, and returns tokens and the user', async () => {
    const site = await f.site();
    const unit = await f.unit(await f.building(site));
    const { resident } = await f.resident(unit, { phone: '13800138001' });
    const res = await login('138-0013-8001');
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ role: 'resident', residentId: resident.id, unitIds: [unit.id], siteIds: [site.id] });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');

    const me = await api.http.get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ residentId: resident.id, role: 'resident' });
  });

  it('refuses a wrong password and an unknown login with the same 401', async () => {
    const site = await f.site();
    const { login: staffLogin } = await f.staff([site], 'manager');
    const wrong = await login(staffLogin, 'not-the-password');
    const unknown = await login('nobody-here@test.community', 'whatever');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Login or password is wrong' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('rotates refresh tokens, and reuse of an old one revokes the whole family', async () => {
    const site = await f.site();
    const { login: l } = await f.staff([site]);
    const first = await login(l);
    const second = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);

    const reuse = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_REUSED');
    // The family is revoked: even the newest token of that login no longer works.
    const after = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(after.status).toBe(401);

    // Another login of the same account (another phone) is a different family and still works.
    const other = await login(l);
    const otherRefresh = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken });
    expect(otherRefresh.status).toBe(200);
  });

  it('logout revokes that login only', async () => {
    const site = await f.site();
    const { login: l } = await f.staff([site]);
    const s1 = await login(l);
    const s2 = await login(l);
    const out = await api.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${s1.body.accessToken}`).send({ refreshToken: s1.body.refreshToken });
    expect(out.status).toBe(204);
    expect((await api.http.post('/api/v1/auth/refresh').send({ refreshToken: s1.body.refreshToken })).status).toBe(401);
    expect((await api.http.post('/api/v1/auth/refresh').send({ refreshToken: s2.body.refreshToken })).status).toBe(200);
  });

  it('rate-limits failed logins per account with 429 and Retry-After, and a right password does not bypass it', async () => {
    const site = await f.site();
    const { login: l } = await f.staff([site]);
    for (let i = 0; i < 3; i++) expect((await login(l, 'bad')).status).toBe(401);
    const limited = await login(l);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('rejects requests without a token, with a malformed token, and with a forged one', async () => {
    expect((await api.http.get('/api/v1/me')).status).toBe(401);
    expect((await api.http.get('/api/v1/me').set('Authorization', 'Bearer nonsense')).body.code).toBe('TOKEN_INVALID');
    const forged = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url') + '.' + Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', typ: 'access', sites: [], units: [] })).toString('base64url') + '.';
    expect((await api.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('answers validation errors with 400 naming each bad field, and rejects unknown fields', async () => {
    const res = await api.http.post('/api/v1/auth/login').send({ login: 5, extra: true });
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'password', 'extra']));
    const notJson = await api.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"login":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('signs out a moved-out resident: their refresh token stops working', async () => {
    const site = await f.site();
    const unit = await f.unit(await f.building(site));
    const { resident, login: l } = await f.resident(unit);
    const s = await login(l);
    await api.app.get(DataSource).query(`UPDATE residents SET status = 'moved_out' WHERE id = $1`, [resident.id]);
    expect((await api.http.post('/api/v1/auth/refresh').send({ refreshToken: s.body.refreshToken })).status).toBe(401);
    expect((await login(l)).status).toBe(401);
  });
});
