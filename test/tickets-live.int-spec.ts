import { io, Socket } from 'socket.io-client';
import type { NotificationPayload, SnapshotPayload, TicketPayload } from '@app/contracts/realtime';
import { waitFor } from '@app/testing';
import { Person, TicketsWorld } from './tickets-world';

interface Received {
  name: string;
  payload: unknown;
}

/** A socket.io client that records every event it receives. */
async function listen(url: string, token: string): Promise<{ socket: Socket; events: Received[]; of<T>(name: string): T[] }> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  const events: Received[] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  await waitFor(async () => events.some((e) => e.name === 'snapshot'), (ok) => ok, 10_000);
  return { socket, events, of: <T>(name: string) => events.filter((e) => e.name === name).map((e) => e.payload as T) };
}

describe('tickets: live push through the realtime gateway (api and worker)', () => {
  let w: TicketsWorld;

  beforeAll(async () => {
    w = await TicketsWorld.start('ticketlive');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('pushes ticket events to the household and the staff room, notifications to their owner, never to another household', async () => {
    const c = await w.community();
    const a: Person = await w.resident(c.unitA);
    const b: Person = await w.resident(c.unitB);
    const plumber = await w.staff(c.site, 'technician', ['plumbing']);
    const manager = await w.staff(c.site, 'manager');
    const worker = await w.startWorker('live-worker');
    const [sa, sb, sp, sm] = await Promise.all([a, b, plumber, manager].map((p) => listen(w.api.url, p.token)));
    try {
      // Seconds-long plumbing targets so an escalation comes from the worker during the test.
      await w.put(`/ticket-settings/${c.site.id}`, manager, { slaPolicy: { plumbing: { normal: { firstResponseMinutes: 2 / 60, resolutionMinutes: 60, hours: '24x7' } } } });
      const t = (await w.post('/tickets', a, { category: 'plumbing', title: 'Tap drips', description: 'drip drip', unitId: c.unitA.id })).body;

      const created = await waitFor(async () => sm.of<TicketPayload>('ticket.created'), (x) => x.length > 0, 5000);
      expect(created[0]).toMatchObject({ id: t.id, siteId: c.site.id, number: t.number, status: 'assigned', assigneeId: plumber.id });
      expect(await waitFor(async () => sa.of<TicketPayload>('ticket.created').length, (n) => n > 0, 5000)).toBe(1);
      const assigned = await waitFor(async () => sp.of<NotificationPayload>('notification'), (x) => x.some((n) => n.kind === 'ticket.assigned'), 5000);
      expect(assigned.find((n) => n.kind === 'ticket.assigned')).toMatchObject({ ref: { type: 'ticket', id: t.id } });

      // The worker's escalations reach the sockets on the api.
      const breach = await waitFor(async () => sm.of<NotificationPayload>('notification'), (x) => x.some((n) => n.kind === 'sla.breach'), 8000);
      expect(breach.some((n) => n.kind === 'sla.breach')).toBe(true);
      const updated = await waitFor(async () => sm.of<TicketPayload & { slaBreached?: boolean }>('ticket.updated'), (x) => x.some((u) => u.slaBreached), 5000);
      const versions = updated.map((u) => u.version);
      expect([...versions].sort((x, y) => x - y)).toEqual(versions);

      // Following one ticket: allowed for its household, refused to another.
      const ok = await sa.socket.timeout(3000).emitWithAck('subscribe', { topic: 'ticket', id: t.id });
      expect(ok).toMatchObject({ ok: true });
      const refused = await sb.socket.timeout(3000).emitWithAck('subscribe', { topic: 'ticket', id: t.id });
      expect(refused).toMatchObject({ ok: false });

      // A fresh connection's snapshot holds the ticket and the unread notifications.
      const late = await listen(w.api.url, plumber.token);
      const snap = late.of<SnapshotPayload>('snapshot')[0];
      expect(snap.tickets?.map((x) => x.id)).toContain(t.id);
      expect(snap.notifications?.some((n) => n.kind === 'ticket.assigned')).toBe(true);
      late.socket.close();

      await new Promise((r) => setTimeout(r, 300));
      expect(sb.events.filter((e) => e.name.startsWith('ticket.'))).toEqual([]);
      expect(sb.of<NotificationPayload>('notification')).toEqual([]);
    } finally {
      for (const s of [sa, sb, sp, sm]) s.socket.close();
      await w.stopWorker(worker);
    }
  });
});
