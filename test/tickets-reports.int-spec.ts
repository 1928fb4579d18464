import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Person, TicketsWorld } from './tickets-world';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

describe('tickets: metrics, CSV export and photo attachments (real Postgres and Redis)', () => {
  let w: TicketsWorld;
  let uploads: string;
  let siteId: string;
  let unitA: string;
  let a: Person;
  let b: Person;
  let plumber: Person;
  let electrician: Person;
  let manager: Person;

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'sc-uploads-'));
    w = await TicketsWorld.start('ticketrep', { UPLOADS_DIR: uploads, UPLOADS_MAX_BYTES: '4096' });
    const c = await w.community();
    siteId = c.site.id;
    unitA = c.unitA.id;
    a = await w.resident(c.unitA);
    b = await w.resident(c.unitB);
    plumber = await w.staff(c.site, 'technician', ['plumbing']);
    electrician = await w.staff(c.site, 'technician', ['electrical']);
    manager = await w.staff(c.site, 'manager');
    await w.put(`/ticket-settings/${siteId}`, manager, { createLimitPerHour: 100 });
  });
  afterAll(async () => {
    await w?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const create = async (category: string, title: string) => (await w.post('/tickets', a, { category, title, description: title, unitId: unitA })).body as { id: string };
  const finish = async (id: string, tech: Person, score: number) => {
    await w.move(id, tech, 'in_progress');
    await w.move(id, tech, 'resolved', { resolutionNote: 'done' });
    expect((await w.post(`/tickets/${id}/rating`, a, { score })).status).toBe(200);
  };

  it('reports backlog, response and resolution times, SLA compliance, reopen rate and rating per category and technician', async () => {
    const p1 = await create('plumbing', 'Tap 1');
    const p2 = await create('plumbing', 'Tap 2');
    await create('plumbing', 'Tap 3');
    const e1 = await create('electrical', 'Light 1');
    await finish(p1.id, plumber, 5);
    await finish(p2.id, plumber, 1); // reopened by the low rating
    await finish(e1.id, electrician, 4);

    const all = await w.get(`/tickets/metrics?siteId=${siteId}`, manager);
    expect(all.status).toBe(200);
    expect(all.body.rows).toEqual([
      expect.objectContaining({ label: 'all', created: 4, backlog: 2, resolved: 2, slaCompliancePct: 100, reopenRatePct: 33.3, averageRating: 3.33, ratings: 3 }),
    ]);
    expect(all.body.rows[0].meanFirstResponseMinutes).toBeGreaterThanOrEqual(0);

    const byCategory = await w.get(`/tickets/metrics?siteId=${siteId}&groupBy=category`, manager);
    expect(byCategory.body.rows.map((r: { key: string; created: number; backlog: number }) => [r.key, r.created, r.backlog])).toEqual([
      ['electrical', 1, 0],
      ['plumbing', 3, 2],
    ]);
    const byTech = await w.get(`/tickets/metrics?siteId=${siteId}&groupBy=technician`, manager);
    expect(byTech.body.rows.find((r: { key: string }) => r.key === plumber.id)).toMatchObject({ created: 3, averageRating: 3 });
    const byDay = await w.get(`/tickets/metrics?siteId=${siteId}&groupBy=period&period=day`, manager);
    expect(byDay.body.rows).toHaveLength(1);
    expect(byDay.body.rows[0].key).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const csv = await w.get(`/tickets/metrics/export?siteId=${siteId}&groupBy=category`, manager);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('key,label,created,backlog,resolved,meanFirstResponseMinutes,meanResolutionMinutes,slaCompliancePct,reopenRatePct,averageRating,ratings');
    expect(lines[2]).toMatch(/^plumbing,plumbing,3,2,1,/);

    expect((await w.get('/tickets/metrics', a)).status).toBe(403);
    expect((await w.get('/tickets/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', manager)).status).toBe(400);
  });

  it('stores photos, serves them only to those who see the ticket, and refuses non-images and oversize files', async () => {
    const t = await create('plumbing', 'Photo of the leak');
    const up = await w.api.http.post(`/api/v1/tickets/${t.id}/attachments`).set('Authorization', `Bearer ${a.token}`).attach('file', PNG, { filename: '../../leak.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'leak.png', contentType: 'image/png', sizeBytes: PNG.length });

    const got = await w.api.http.get(up.body.url).set('Authorization', `Bearer ${plumber.token}`).buffer(true);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);
    expect((await w.api.http.get(up.body.url).set('Authorization', `Bearer ${b.token}`)).status).toBe(404);
    expect((await w.get(`/tickets/${t.id}`, a)).body.attachments).toHaveLength(1);

    const text = await w.api.http.post(`/api/v1/tickets/${t.id}/attachments`).set('Authorization', `Bearer ${a.token}`).attach('file', Buffer.from('<script>alert(1)</script>'), { filename: 'x.png', contentType: 'image/png' });
    expect(text.status).toBe(400);
    expect(text.body.details).toEqual([{ field: 'file', reason: 'must be a JPEG, PNG, GIF, WebP or HEIC image' }]);
    const big = await w.api.http.post(`/api/v1/tickets/${t.id}/attachments`).set('Authorization', `Bearer ${a.token}`).attach('file', Buffer.concat([PNG, Buffer.alloc(5000)]), { filename: 'big.png', contentType: 'image/png' });
    expect(big.status).toBe(413);
    const foreign = await w.api.http.post(`/api/v1/tickets/${t.id}/attachments`).set('Authorization', `Bearer ${b.token}`).attach('file', PNG, { filename: 'x.png', contentType: 'image/png' });
    expect(foreign.status).toBe(404);
    const missing = await w.api.http.post(`/api/v1/tickets/${t.id}/attachments`).set('Authorization', `Bearer ${a.token}`).field('note', 'no file');
    expect(missing.status).toBe(400);
  });
});
