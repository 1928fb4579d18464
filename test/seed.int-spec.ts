import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { COMMUNITY_ENTITIES, DEMO_SITE_CODE, seedDemoCommunity } from '@app/community';
import { TestApi, TestEnv, createTestEnv, startTestApi } from '@app/testing';

const run = promisify(execFile);
const TABLES = ['sites', 'buildings', 'units', 'residents', 'unit_memberships', 'staff', 'accounts', 'audit_log'];

// The demo community: seeded once, identically, quickly; a second run (library or `npm run seed`) changes nothing.
describe('demo seed (real Postgres)', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    env = await createTestEnv('seed');
    api = await startTestApi(env, { LOGIN_MAX_PER_IP: '100000' });
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n);
    return out;
  };

  it('seeds 1 site, 4 buildings, 200 units, 500 residents and 10 staff and a second run creates nothing', async () => {
    const first = await seedDemoCommunity(db, api.config);
    expect(first.created).toBe(true);
    const after = await counts();
    expect(after).toMatchObject({ sites: 1, buildings: 4, units: 200, residents: 500, unit_memberships: 500, staff: 10, accounts: 510 });
    const site = (await db.query(`SELECT name, code, timezone FROM sites WHERE id = $1`, [first.siteId]))[0];
    expect(site).toEqual({ name: 'Lakeside Gardens', code: DEMO_SITE_CODE, timezone: 'Asia/Shanghai' });
    const positions = await db.query(`SELECT position, count(*)::int AS n FROM staff GROUP BY position ORDER BY position`);
    expect(positions).toEqual([
      { position: 'admin', n: 1 },
      { position: 'manager', n: 2 },
      { position: 'technician', n: 7 },
    ]);

    const second = await seedDemoCommunity(db, api.config);
    expect(second).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(after);
  }, 30000);

  it('signs in the printed demo logins with the configured password, with the right roles and scope', async () => {
    const { logins, siteId } = await seedDemoCommunity(db, api.config);
    expect(logins.admin).toBe(api.config.demo.adminLogin);
    const signIn = (login: string) => api.http.post('/api/v1/auth/login').send({ login, password: api.config.demo.adminPassword });
    const admin = await signIn(logins.admin);
    expect(admin.status).toBe(200);
    expect(admin.body.user).toMatchObject({ role: 'admin', siteIds: [siteId] });
    expect((await signIn(logins.managers[0])).body.user).toMatchObject({ role: 'manager', siteIds: [siteId] });
    expect((await signIn(logins.technicians[0])).body.user).toMatchObject({ role: 'staff', siteIds: [siteId] });
    const resident = await signIn(logins.residents[0]);
    expect(resident.body.user).toMatchObject({ role: 'resident', siteIds: [siteId], unitIds: [expect.any(String)] });

    // The seeded directory is what the API serves: the manager finds 500 residents of the site.
    const household = await api.http.get('/api/v1/me/household').set('Authorization', `Bearer ${resident.body.accessToken}`);
    expect(household.body.units[0].members).toHaveLength(3);
    const page = await api.http.get(`/api/v1/residents?siteId=${siteId}&limit=200`).set('Authorization', `Bearer ${admin.body.accessToken}`);
    expect(page.body.items).toHaveLength(200);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  }, 30000);

  it('runs as `npm run seed` against the configured database and reports that nothing changed', async () => {
    const before = await counts();
    const { stdout } = await run('npx', ['ts-node', '--transpile-only', '-r', 'tsconfig-paths/register', 'scripts/seed.ts'], {
      cwd: `${__dirname}/..`,
      env: { ...process.env, ...env.env() },
      timeout: 60000,
    });
    expect(stdout).toMatch(/demo community already present/);
    expect(stdout).toContain(api.config.demo.adminLogin);
    expect(await counts()).toEqual(before);
  }, 90000);

  it('lets two processes seed at once (api and worker starting together): exactly one creates', async () => {
    const other = await createTestEnv('seedrace');
    const ds = await new DataSource({ type: 'postgres', url: other.databaseUrl, entities: COMMUNITY_ENTITIES }).initialize();
    try {
      const config = other.config();
      const results = await Promise.all([seedDemoCommunity(ds, config), seedDemoCommunity(ds, config)]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(results[0].siteId).toBe(results[1].siteId);
      expect((await ds.query(`SELECT count(*)::int AS n FROM residents`))[0].n).toBe(500);
    } finally {
      await ds.destroy();
      await other.drop();
    }
  }, 30000);
});
