import { DataSource } from 'typeorm';
import { Account, Building, Resident, Site, UnitMembership } from '@app/community';
import { AuditEntry } from '@app/core';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, createTestEnv, startTestApi } from '@app/testing';

const HEADER = 'building_code,unit_number,full_name,phone,email,relation';

// The CSV onboarding of a community over the real api: all rows or none, with a row-by-row report.
describe('residents CSV import (real Postgres and Redis)', () => {
  let env: TestEnv;
  let api: TestApi;
  let f: Factories;
  let db: DataSource;
  let site: Site;
  let manager: string;

  beforeAll(async () => {
    env = await createTestEnv('import');
    api = await startTestApi(env, { LOGIN_MAX_PER_IP: '100000' });
    db = api.app.get(DataSource);
    f = new Factories(db);
    site = await f.site();
    for (const code of ['B1', 'B2']) {
      const b = await f.building(site, { code });
      for (const number of ['101', '102', '201']) await f.unit(b, { number });
    }
    manager = await tokenOf((await f.staff([site], 'manager')).login);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  async function tokenOf(login: string): Promise<string> {
    const res = await api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }
  const upload = (csv: string, query = '', token = manager, siteId = site.id) =>
    api.http.post(`/api/v1/sites/${siteId}/residents/import${query}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/csv').send(csv);
  const residentsOfSite = () => db.getRepository(Resident).countBy({ siteId: site.id });

  it('imports a clean file in one go: residents, memberships and password-less logins, audited once', async () => {
    const before = await residentsOfSite();
    const csv = [HEADER, 'B1,101,Li Wei,+86 138-3333-0001,,owner', 'B1,101,Li Na,13833330002,li.na@example.com,family', 'B2,201,"Zhang, San",13833330003,,Tenant', ''].join('\r\n');
    const res = await upload(csv, '?dryRun=false');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 3, accepted: 3, rejected: [], imported: true });
    expect(await residentsOfSite()).toBe(before + 3);

    const zhang = await db.getRepository(Resident).findOneByOrFail({ siteId: site.id, phone: '13833330003' });
    expect(zhang.fullName).toBe('Zhang, San');
    expect(await db.getRepository(UnitMembership).findBy({ residentId: zhang.id })).toEqual([expect.objectContaining({ relation: 'tenant', active: true })]);
    const account = await db.getRepository(Account).createQueryBuilder('a').addSelect('a.passwordHash').where('a.residentId = :id', { id: zhang.id }).getOneOrFail();
    expect(account).toMatchObject({ role: 'resident', phone: '13833330003', passwordHash: null });
    expect(await db.getRepository(Account).countBy({ phone: '+8613833330001' })).toBe(1);
    expect(await db.getRepository(AuditEntry).countBy({ action: 'resident.import', siteId: site.id })).toBe(1);

    // No password yet: cannot sign in until a manager sets one.
    expect((await api.http.post('/api/v1/auth/login').send({ login: '13833330003', password: 'whatever-password' })).status).toBe(401);
    const set = await api.http.post(`/api/v1/residents/${zhang.id}/password`).set('Authorization', `Bearer ${manager}`).send({ password: 'zhang-password-1' });
    expect(set.status).toBe(204);
    expect((await api.http.post('/api/v1/auth/login').send({ login: '13833330003', password: 'zhang-password-1' })).status).toBe(200);
  });

  it('reports every bad row with line and reasons, and imports nothing when any row is bad', async () => {
    const b1 = await db.getRepository(Building).findOneByOrFail({ siteId: site.id, code: 'B1' });
    await f.resident(await f.unit(b1), { phone: '13844449999' });
    const before = await residentsOfSite();
    const accountsBefore = await db.getRepository(Account).count();
    const csv = [
      HEADER,
      'B1,102,Good Person,13844440001,,owner',
      'B9,101,Wrong Building,13844440002,,owner',
      'B1,999,Wrong Unit,13844440003,,owner',
      'B1,102,Bad Phone,12ab,,owner',
      'B1,102,Same Phone,138 4444 0001,,family',
      'B1,102,Already Here,138-4444-9999,,family',
      ',102,,,not-an-email,landlord',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(false);
    expect(res.body.total).toBe(7);
    expect(res.body.accepted).toBe(1);
    const byLine = Object.fromEntries((res.body.rejected as { line: number; errors: { field: string; reason: string }[] }[]).map((r) => [r.line, r.errors]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(byLine[3]).toEqual([{ field: 'building_code', reason: 'no building with code "B9" in this site' }]);
    expect(byLine[4]).toEqual([{ field: 'unit_number', reason: 'no unit "999" in building B1' }]);
    expect(byLine[5]).toEqual([{ field: 'phone', reason: '"12ab" is not a valid phone number' }]);
    expect(byLine[6]).toEqual([{ field: 'phone', reason: 'same phone as line 2' }]);
    expect(byLine[7]).toEqual([{ field: 'phone', reason: 'already belongs to a resident of this site' }]);
    expect(byLine[8].map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['full_name', 'building_code', 'relation', 'email']));

    expect(await residentsOfSite()).toBe(before);
    expect(await db.getRepository(Account).count()).toBe(accountsBefore);
    expect(await db.getRepository(Resident).countBy({ phone: '13844440001' })).toBe(0);
  });

  it('dry-runs a good file: the full report, nothing written; the same file then imports', async () => {
    const before = await residentsOfSite();
    const csv = `${HEADER}\nB2,102,Dry Run,13855550001,,owner\nB2,102,Dry Run Two,,dry@example.com,family\n`;
    const dry = await upload(csv, '?dryRun=true');
    expect(dry.body).toEqual({ total: 2, accepted: 2, rejected: [], imported: false });
    expect(await residentsOfSite()).toBe(before);
    expect((await upload(csv)).body.imported).toBe(true);
    expect(await residentsOfSite()).toBe(before + 2);
    // Importing the same file twice finds every phone and e-mail taken.
    const again = await upload(csv);
    expect(again.body).toMatchObject({ accepted: 0, imported: false });
    expect(again.body.rejected).toEqual([
      { line: 2, errors: [{ field: 'phone', reason: 'already belongs to a resident of this site' }] },
      { line: 3, errors: [{ field: 'email', reason: 'is already used as a login by another account' }] },
    ]);
  });

  it('accepts the file as a multipart upload in field "file"', async () => {
    const res = await api.http
      .post(`/api/v1/sites/${site.id}/residents/import?dryRun=true`)
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', Buffer.from(`${HEADER}\nB1,201,Upload Person,13866660001,,owner\n`), { filename: 'residents.csv', contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 1, accepted: 1, rejected: [], imported: false });
  });

  it('refuses bad headers, wrong content types, oversized files and unknown query flags with clear errors', async () => {
    const header = await upload('building,unit,name\nB1,101,X\n');
    expect(header.status).toBe(400);
    expect(header.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['building_code', 'unit_number', 'full_name', 'phone', 'email', 'relation', 'building']));
    expect((await upload('')).body.details).toEqual([{ field: 'file', reason: 'is empty; the first line must be the header' }]);

    const json = await api.http.post(`/api/v1/sites/${site.id}/residents/import`).set('Authorization', `Bearer ${manager}`).send({ csv: HEADER });
    expect(json.status).toBe(415);
    expect((await upload(`${HEADER}\n`, '?dryRun=perhaps')).body.details).toEqual([expect.objectContaining({ field: 'dryRun' })]);

    const big = `${HEADER}\n${'B1,101,Someone With A Long Name,13800000000,,owner\n'.repeat(Math.ceil((5 * 1024 * 1024) / 45))}`;
    const tooLarge = await upload(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(tooLarge.body.message).toMatch(/larger than 5242880 bytes/);
  });

  it('lets only managers and admins of the site import: technicians 403, residents 403, other managers 404', async () => {
    const csv = `${HEADER}\nB1,101,Someone,13877770001,,owner\n`;
    const tech = await tokenOf((await f.staff([site], 'technician')).login);
    expect((await upload(csv, '', tech)).status).toBe(403);
    const unit = await f.unit(await db.getRepository(Building).findOneByOrFail({ siteId: site.id, code: 'B1' }));
    const resident = await tokenOf((await f.resident(unit)).login);
    expect((await upload(csv, '', resident)).status).toBe(403);
    const otherManager = await tokenOf((await f.staff([await f.site()], 'manager')).login);
    expect((await upload(csv, '', otherManager)).status).toBe(404);
    expect(await db.getRepository(Resident).countBy({ phone: '13877770001' })).toBe(0);
  });

  it('imports 5,000 rows in one transaction within a few seconds', async () => {
    const big = await f.site();
    const b = await f.building(big, { code: 'T1' });
    const units = [];
    for (let i = 0; i < 50; i++) units.push(`${i + 1}`);
    await db.query(`INSERT INTO units ("siteId", "buildingId", number) SELECT $1, $2, unnest($3::text[])`, [big.id, b.id, units]);
    const admin = await tokenOf((await f.staff([big], 'admin')).login);
    const lines = [HEADER];
    for (let i = 0; i < 5000; i++) lines.push(`T1,${(i % 50) + 1},Person ${i},1370${String(i).padStart(7, '0')},,${i % 50 === i ? 'owner' : 'family'}`);
    const res = await upload(lines.join('\n'), '', admin, big.id);
    expect(res.body).toEqual({ total: 5000, accepted: 5000, rejected: [], imported: true });
    expect(await db.getRepository(Resident).countBy({ siteId: big.id })).toBe(5000);
    expect(await db.getRepository(Account).countBy({ phone: '13700004999' })).toBe(1);
  }, 30000);
});
