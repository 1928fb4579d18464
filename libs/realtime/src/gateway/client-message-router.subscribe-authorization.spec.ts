import { Logger } from '@nestjs/common';
import { DomainError, Principal } from '@app/core';
import { RealtimeAccess } from '../registry/realtime-access.service';
import { RealtimeCommands } from '../registry/realtime-commands.service';
import { ClientMessageRouter, ConnectionHandle, MAX_TOPICS_PER_SOCKET } from './client-message-router.service';
import type { RealtimeSocket } from './realtime-socket';

const resident: Principal = { accountId: 'acc-r', role: 'resident', residentId: 'r1', siteIds: ['site-1'], unitIds: ['unit-a'] };

function connection(principal = resident): ConnectionHandle & { snapshots: string[] } {
  const rooms = new Set<string>(['sock-1', 'user:acc-r', 'household:unit-a']);
  const socket = {
    connected: true,
    rooms,
    join: async (room: string) => void rooms.add(room),
    leave: async (room: string) => void rooms.delete(room),
  } as unknown as RealtimeSocket;
  const snapshots: string[] = [];
  return { socket, principal, snapshots, sendSnapshot: async (reason, topic) => void snapshots.push(`${reason}:${topic?.name ?? ''}`) };
}

function setup() {
  const access = new RealtimeAccess();
  const commands = new RealtimeCommands();
  return { access, commands, router: new ClientMessageRouter(access, commands) };
}

describe('ClientMessageRouter: opt-in subscriptions go through the owning module', () => {
  it('joins the topic room when the authorizer allows it, and sends that topic snapshot', async () => {
    const { access, router } = setup();
    const asked: string[] = [];
    access.registerTopic('speaker', async (p, id) => (asked.push(`${p.accountId}/${id}`), id === 'speaker-1'), async () => ({}));
    const conn = connection();
    expect(await router.handle(conn, { event: 'subscribe', payload: { topic: 'speaker', id: 'speaker-1' } })).toEqual({ ok: true, data: { room: 'speaker:speaker-1' } });
    expect(conn.socket.rooms.has('speaker:speaker-1')).toBe(true);
    expect(asked).toEqual(['acc-r/speaker-1']);
    expect(conn.snapshots).toEqual(['subscribe:speaker']);
    // Already in: no second authorization round trip.
    await router.handle(conn, { event: 'subscribe', payload: { topic: 'speaker', id: 'speaker-1' } });
    expect(asked).toHaveLength(1);
  });

  it('refuses when the authorizer says no, throws, or nobody registered the topic', async () => {
    const { access, router } = setup();
    access.registerTopic('ticket', async () => false);
    access.registerTopic('zone', async () => {
      throw new Error('db down');
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const conn = connection();
    expect(await router.handle(conn, { event: 'subscribe', payload: { topic: 'ticket', id: 't1' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // An unexpected failure is logged server-side; the client gets no internals.
    expect(await router.handle(conn, { event: 'subscribe', payload: { topic: 'zone', id: 'z1' } })).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; try again' } });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(await router.handle(conn, { event: 'subscribe', payload: { topic: 'announcement', id: 'a1' } })).toMatchObject({ ok: false, error: { code: 'TOPIC_UNAVAILABLE' } });
    expect([...conn.socket.rooms].sort()).toEqual(['household:unit-a', 'sock-1', 'user:acc-r']);
  });

  it('does not join a room for a client that left while the authorizer was thinking', async () => {
    const { access, router } = setup();
    const conn = connection();
    access.registerTopic('ticket', async () => {
      (conn.socket as unknown as { connected: boolean }).connected = false;
      return true;
    });
    expect((await router.handle(conn, { event: 'subscribe', payload: { topic: 'ticket', id: 't1' } })).ok).toBe(false);
    expect(conn.socket.rooms.has('ticket:t1')).toBe(false);
  });

  it('caps the opt-in rooms of one connection', async () => {
    const { access, router } = setup();
    access.registerTopic('ticket', async () => true);
    const conn = connection();
    for (let i = 0; i < MAX_TOPICS_PER_SOCKET; i++) expect((await router.handle(conn, { event: 'subscribe', payload: { topic: 'ticket', id: `t${i}` } })).ok).toBe(true);
    expect(await router.handle(conn, { event: 'subscribe', payload: { topic: 'ticket', id: 'one-more' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('passes alarm.ack to the registered handler and maps its DomainError', async () => {
    const { commands, router } = setup();
    const conn = connection();
    expect(await router.handle(conn, { event: 'alarm.ack', payload: { alarmId: 'a1' } })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    commands.register('alarm.ack', async (p, { alarmId }) => {
      if (p.role === 'resident') throw new DomainError('ALARM_NOT_FOUND', 'not_found', `alarm ${alarmId} not found`);
      return { alarmId };
    });
    expect(await router.handle(conn, { event: 'alarm.ack', payload: { alarmId: 'a1' } })).toEqual({ ok: false, error: { code: 'ALARM_NOT_FOUND', message: 'alarm a1 not found' } });
    expect(await router.handle(connection({ ...resident, role: 'staff' }), { event: 'alarm.ack', payload: { alarmId: 'a1' } })).toEqual({ ok: true, data: { alarmId: 'a1' } });
  });
});
