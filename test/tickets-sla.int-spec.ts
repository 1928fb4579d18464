import { QueueName, QueueProducer } from '@app/core';
import { waitFor } from '@app/testing';
import { Person, TicketsWorld } from './tickets-world';

// Short targets: the SLA table of each test's site is overridden with seconds-long plumbing targets.
const SECONDS = (s: number) => s / 60;

describe('tickets: SLA timers on BullMQ (real workers, real Redis)', () => {
  let w: TicketsWorld;

  beforeAll(async () => {
    w = await TicketsWorld.start('ticketsla');
  });
  afterAll(async () => {
    await w?.close();
  });

  async function siteWith(firstResponseS: number, resolutionS: number, extra: object = {}) {
    const c = await w.community();
    const manager = await w.staff(c.site, 'manager');
    const plumber = await w.staff(c.site, 'technician', ['plumbing']);
    const resident = await w.resident(c.unitA);
    const res = await w.put(`/ticket-settings/${c.site.id}`, manager, {
      slaPolicy: { plumbing: { normal: { firstResponseMinutes: SECONDS(firstResponseS), resolutionMinutes: SECONDS(resolutionS), hours: '24x7' } } },
      ...extra,
    });
    expect(res.status).toBe(200);
    return { ...c, manager, plumber, resident };
  }

  const report = async (who: Person, unitId: string) => {
    const res = await w.post('/tickets', who, { category: 'plumbing', title: 'Basin tap drips', description: 'The basin tap drips', unitId });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; sla: { firstResponseDueAt: string; resolutionDueAt: string } };
  };
  const slaNotices = async (who: Person, ticketId: string) =>
    (await w.notifications(who)).filter((n) => n.ref?.id === ticketId && n.kind.startsWith('sla.')).map((n) => `${n.kind} ${n.title.split(': ')[1]}`);
  const fired = async (ticketId: string): Promise<string[]> => (await w.db.query(`SELECT "escalationsFired" FROM tickets WHERE id = $1`, [ticketId]))[0].escalationsFired;
  const firedAt = async (ticketId: string, key: string): Promise<number | null> => {
    const [target, level] = key.split('.');
    const rows: { at: Date }[] = await w.db.query(`SELECT at FROM ticket_activities WHERE "ticketId" = $1 AND action = 'escalation' AND after->>'target' = $2 AND after->>'level' = $3`, [ticketId, target, level]);
    return rows.length === 1 ? new Date(rows[0].at).getTime() : rows.length === 0 ? null : -rows.length;
  };

  it('fires the warning at 80 % and the breach at 100 %, on time and exactly once, never after resolution', async () => {
    const worker = await w.startWorker('sla-a');
    try {
      const s = await siteWith(3, 60);
      const t = await report(s.resident, s.unitA.id);
      const due = new Date(t.sla.firstResponseDueAt).getTime();
      await waitFor(() => fired(t.id), (f) => f.includes('first_response.breach'), 15_000);
      expect(await fired(t.id)).toEqual(['first_response.warn', 'first_response.breach']);
      // On time: the warning at 80 % (2.4 s) and the breach at 100 % (3 s), each within a second.
      const warnAt = (await firstEscalationTime(t.id, 'first_response.warn'))!;
      const breachAt = (await firstEscalationTime(t.id, 'first_response.breach'))!;
      expect(warnAt).toBeGreaterThanOrEqual(due - 600 - 50);
      expect(warnAt).toBeLessThan(due - 600 + 1000);
      expect(breachAt).toBeGreaterThanOrEqual(due - 50);
      expect(breachAt).toBeLessThan(due + 1000);
      expect(await slaNotices(s.plumber, t.id)).toEqual(expect.arrayContaining(['sla.warn first response due soon', 'sla.breach first response SLA breached']));
      expect(await slaNotices(s.manager, t.id)).toEqual(['sla.breach first response SLA breached']);
      const view = await w.get(`/tickets/${t.id}`, s.manager);
      expect(view.body.sla).toMatchObject({ breached: true, state: 'breached' });
      expect(view.body.version).toBe(t.version);

      // Extra timers and the sweep change nothing: each step fires once.
      const q = w.api.app.get(QueueProducer);
      await q.add(QueueName.TicketSla, 'escalate', { ticketId: t.id });
      await q.add(QueueName.TicketSla, 'escalate', { ticketId: t.id });
      await q.add(QueueName.TicketSla, 'sweep', {});
      await new Promise((r) => setTimeout(r, 1500));
      expect(await slaNotices(s.manager, t.id)).toHaveLength(1);
      expect((await slaNotices(s.plumber, t.id)).filter((n) => n.startsWith('sla.breach'))).toHaveLength(1);

      // Resolved: the resolution timers (warn at 48 s) will never fire.
      await w.move(t.id, s.plumber, 'in_progress');
      await w.move(t.id, s.plumber, 'resolved', { resolutionNote: 'fixed' });
      const after = await w.db.query(`SELECT "slaNextEscalationAt", "slaJobIds" FROM tickets WHERE id = $1`, [t.id]);
      expect(after[0].slaNextEscalationAt).toBeNull();
      expect(after[0].slaJobIds.every((id: string) => id.startsWith('autoclose-'))).toBe(true);
    } finally {
      await w.stopWorker(worker);
    }
  });

  async function firstEscalationTime(ticketId: string, key: string): Promise<number | null> {
    return firedAt(ticketId, key);
  }

  it('pauses on hold: nothing fires while the clock is stopped, and resuming pushes the due time back', async () => {
    const worker = await w.startWorker('sla-hold');
    try {
      // Going on hold is the first response; the resolution clock (4 s) is what pauses.
      const s = await siteWith(3, 4);
      const t = await report(s.resident, s.unitA.id);
      const created = Date.now();
      const held = await w.move(t.id, s.plumber, 'on_hold', { reason: 'waiting for a part' });
      expect(held).toMatchObject({ status: 'on_hold', sla: { paused: true, resolutionDueAt: null } });
      const heldAt = Date.now();
      await new Promise((r) => setTimeout(r, 5500));
      expect(await fired(t.id)).toEqual([]);
      const resumed = await w.move(t.id, s.plumber, 'in_progress');
      const resumedAt = Date.now();
      const dueAfter = new Date((resumed.sla as { resolutionDueAt: string }).resolutionDueAt).getTime();
      // Remaining = 4 s minus what ran before the hold.
      const ranBefore = heldAt - created;
      expect(dueAfter).toBeGreaterThan(resumedAt + 4000 - ranBefore - 600);
      expect(dueAfter).toBeLessThan(resumedAt + 4000 + 600);
      await waitFor(() => fired(t.id), (f) => f.includes('resolution.breach'), 10_000);
      expect(await fired(t.id)).toEqual(['resolution.warn', 'resolution.breach']);
      expect((await firedAt(t.id, 'resolution.breach'))!).toBeGreaterThanOrEqual(dueAfter - 50);
    } finally {
      await w.stopWorker(worker);
    }
  });

  it('keeps its timers across a worker restart: the warning before, the breach after, each once', async () => {
    const s = await siteWith(5, 600);
    const first = await w.startWorker('sla-before');
    const t = await report(s.resident, s.unitA.id);
    await waitFor(() => fired(t.id), (f) => f.includes('first_response.warn'), 10_000);
    await w.stopWorker(first);
    const due = new Date(t.sla.firstResponseDueAt).getTime();
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now()) + 1500));
    expect(await fired(t.id)).toEqual(['first_response.warn']);
    const second = await w.startWorker('sla-after');
    try {
      await waitFor(() => fired(t.id), (f) => f.includes('first_response.breach'), 10_000);
      expect(await fired(t.id)).toEqual(['first_response.warn', 'first_response.breach']);
      expect(await slaNotices(s.plumber, t.id)).toHaveLength(2);
      expect(await slaNotices(s.manager, t.id)).toHaveLength(1);
    } finally {
      await w.stopWorker(second);
    }
  });

  it('the sweep catches a timer whose job was lost', async () => {
    const s = await siteWith(2, 600);
    const t = await report(s.resident, s.unitA.id);
    // Lose the delayed jobs (as if Redis had been flushed) before any worker runs.
    const q = w.api.app.get(QueueProducer).queue(QueueName.TicketSla);
    const [{ slaJobIds }] = await w.db.query(`SELECT "slaJobIds" FROM tickets WHERE id = $1`, [t.id]);
    for (const id of slaJobIds as string[]) await q.remove(id);
    await new Promise((r) => setTimeout(r, 2500));
    const worker = await w.startWorker('sla-sweep');
    try {
      expect(await fired(t.id)).toEqual([]);
      await w.api.app.get(QueueProducer).add(QueueName.TicketSla, 'sweep', {});
      await waitFor(() => fired(t.id), (f) => f.length === 2, 10_000);
      // Both were due: the warning is recorded as superseded (no notice), the breach notifies.
      expect(await fired(t.id)).toEqual(['first_response.warn', 'first_response.breach']);
      expect(await slaNotices(s.plumber, t.id)).toEqual(['sla.breach first response SLA breached']);
    } finally {
      await w.stopWorker(worker);
    }
  });

  it('closes a resolved ticket nobody rated once the auto-close time has come, as the system', async () => {
    const s = await siteWith(600, 6000, { autoCloseDays: 2 / 86400 });
    const worker = await w.startWorker('sla-autoclose');
    try {
      const t = await report(s.resident, s.unitA.id);
      await w.move(t.id, s.plumber, 'in_progress');
      await w.move(t.id, s.plumber, 'resolved', { resolutionNote: 'done' });
      const closed = await waitFor(async () => (await w.get(`/tickets/${t.id}`, s.resident)).body.status as string, (st) => st === 'closed', 10_000);
      expect(closed).toBe('closed');
      const activity = (await w.get(`/tickets/${t.id}`, s.manager)).body.activity as { action: string; actorRole: string; after: { status?: string } | null }[];
      expect(activity.find((x) => x.after?.status === 'closed')).toMatchObject({ actorRole: 'system' });
    } finally {
      await w.stopWorker(worker);
    }
  });
});
