import { QueueName, QueueProducer } from '@app/core';
import { waitFor } from '@app/testing';
import { TicketsWorld } from './tickets-world';

describe('tickets: preventive maintenance on BullMQ job schedulers (two real workers)', () => {
  let w: TicketsWorld;

  beforeAll(async () => {
    w = await TicketsWorld.start('ticketpm');
  });
  afterAll(async () => {
    await w?.close();
  });

  const planTickets = async (planId: string): Promise<{ occurrenceKey: string; status: string; assigneeId: string | null; reporterKind: string }[]> =>
    w.db.query(`SELECT "occurrenceKey", status, "assigneeId", "reporterKind" FROM tickets WHERE "planId" = $1 ORDER BY "occurrenceKey"`, [planId]);

  it('creates exactly one ticket per occurrence with two workers, across restarts, and stops when deactivated', async () => {
    const c = await w.community();
    const manager = await w.staff(c.site, 'manager');
    const liftTech = await w.staff(c.site, 'technician', ['elevator']);
    const workers = [await w.startWorker('pm-1'), await w.startWorker('pm-2')];

    const bad = await w.post('/maintenance-plans', manager, { siteId: c.site.id, title: 'x', category: 'elevator', location: 'B3', everyMs: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('everyMs');
    const neither = await w.post('/maintenance-plans', manager, { siteId: c.site.id, title: 'x', category: 'elevator', location: 'B3' });
    expect(neither.status).toBe(400);

    const res = await w.post('/maintenance-plans', manager, { siteId: c.site.id, buildingId: c.building.id, title: 'Elevator inspection, building 3', category: 'elevator', location: 'Building 3 elevator machine room', everyMs: 1000 });
    expect(res.status).toBe(201);
    const planId = res.body.id as string;

    const first = await waitFor(() => planTickets(planId), (t) => t.length >= 4, 15_000);
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(first.every((t) => t.reporterKind === 'plan' && t.status === 'assigned' && t.assigneeId === liftTech.id)).toBe(true);

    // Replaying an occurrence (a retried or duplicated job) adds nothing.
    const q = w.api.app.get(QueueProducer);
    const replayed = Date.parse(first[0].occurrenceKey);
    await q.add(QueueName.TicketMaintenance, 'plan-occurrence', { planId, occurrenceAt: replayed });
    await q.add(QueueName.TicketMaintenance, 'plan-occurrence', { planId, occurrenceAt: replayed });

    // Every worker goes away; the schedule lives in Redis and resumes with the next worker.
    for (const x of workers) await w.stopWorker(x);
    const beforeRestart = (await planTickets(planId)).length;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await planTickets(planId)).length).toBe(beforeRestart);
    const again = [await w.startWorker('pm-3'), await w.startWorker('pm-4')];
    const after = await waitFor(() => planTickets(planId), (t) => t.length >= beforeRestart + 2, 15_000);
    expect(after.length).toBeGreaterThanOrEqual(beforeRestart + 2);

    const off = await w.patch(`/maintenance-plans/${planId}`, manager, { active: false });
    expect(off.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = (await planTickets(planId)).length;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await planTickets(planId)).length).toBe(stopped);

    const all = await planTickets(planId);
    const keys = all.map((t) => t.occurrenceKey);
    expect(new Set(keys).size).toBe(keys.length);
    const [{ n }] = await w.db.query(`SELECT count(*)::int AS n FROM tickets WHERE "planId" = $1 AND "occurrenceKey" = $2`, [planId, first[0].occurrenceKey]);
    expect(n).toBe(1);
    // Occurrences are the schedule's instants, one interval apart.
    const times = keys.map((k) => Date.parse(k)).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
    for (const x of again) await w.stopWorker(x);
  });
});
