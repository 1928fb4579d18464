import { Injectable, Logger } from '@nestjs/common';
import { DomainError, Principal } from '@app/core';
import { ClientAck, ClientMessage, isTopicRoom, SnapshotSections, SubscribeRequest, topicRoom } from '@app/contracts/realtime';
import { RealtimeAccess } from '../registry/realtime-access.service';
import { RealtimeCommands } from '../registry/realtime-commands.service';
import type { RealtimeSocket } from './realtime-socket';
import { withTimeout } from './with-timeout';

/** Opt-in rooms per connection: enough for a console following a few speakers and tickets. */
export const MAX_TOPICS_PER_SOCKET = 100;
/** An authorizer or command slower than this fails the message rather than holding it forever. */
export const HANDLER_TIMEOUT_MS = 5000;

/** The connection a message came from, as the router needs it. */
export interface ConnectionHandle {
  socket: RealtimeSocket;
  principal: Principal;
  /** Sends a snapshot to this connection (reason `subscribe` or `request`). */
  sendSnapshot(reason: 'subscribe' | 'request', topic?: { name: string; load: () => Promise<Partial<SnapshotSections>> }): Promise<void>;
}

const refuse = (code: string, message: string): ClientAck<never> => ({ ok: false, error: { code, message } });

/** Handles one validated client message; returns what the client's ack (and error event) says. Never throws. */
@Injectable()
export class ClientMessageRouter {
  private readonly logger = new Logger(ClientMessageRouter.name);

  constructor(
    private readonly access: RealtimeAccess,
    private readonly commands: RealtimeCommands,
  ) {}

  async handle(conn: ConnectionHandle, message: ClientMessage): Promise<ClientAck> {
    try {
      switch (message.event) {
        case 'subscribe':
          return await this.subscribe(conn, message.payload);
        case 'unsubscribe':
          return await this.unsubscribe(conn, message.payload);
        case 'snapshot.request':
          await conn.sendSnapshot('request');
          return { ok: true };
        case 'alarm.ack': {
          const handler = this.commands.get('alarm.ack');
          if (!handler) return refuse('NOT_AVAILABLE', 'alarm.ack is not available on this server');
          return { ok: true, data: await withTimeout(handler(conn.principal, message.payload), HANDLER_TIMEOUT_MS, 'alarm.ack') };
        }
      }
    } catch (err) {
      if (err instanceof DomainError) return refuse(err.code, err.message);
      this.logger.error({ err, event: message.event, accountId: conn.principal.accountId }, 'realtime client message failed');
      return refuse('INTERNAL', 'Something went wrong; try again');
    }
  }

  private async subscribe(conn: ConnectionHandle, req: SubscribeRequest): Promise<ClientAck<{ room: string }>> {
    const registration = this.access.get(req.topic);
    if (!registration) return refuse('TOPIC_UNAVAILABLE', `topic "${req.topic}" is not available on this server`);
    const room = topicRoom(req.topic, req.id);
    if (conn.socket.rooms.has(room)) return { ok: true, data: { room } };
    if (this.topicCount(conn.socket) >= MAX_TOPICS_PER_SOCKET) return refuse('VALIDATION_FAILED', `at most ${MAX_TOPICS_PER_SOCKET} subscriptions per connection`);
    const allowed = await withTimeout(registration.authorize(conn.principal, req.id), HANDLER_TIMEOUT_MS, `authorizer of ${req.topic}`);
    // Same answer for "not yours" and "does not exist": no existence leak.
    if (allowed !== true) return refuse('FORBIDDEN', `you may not follow ${req.topic} ${req.id}`);
    // The client may have gone while we asked; joining now would leave a room behind.
    if (!conn.socket.connected) return refuse('INTERNAL', 'connection closed');
    await conn.socket.join(room);
    const load = registration.snapshot;
    if (load) void conn.sendSnapshot('subscribe', { name: `${req.topic}`, load: () => load(conn.principal, req.id) });
    return { ok: true, data: { room } };
  }

  private async unsubscribe(conn: ConnectionHandle, req: SubscribeRequest): Promise<ClientAck<{ room: string }>> {
    // Topic rooms are `<topic>:<id>`, never a server-chosen room (user/household/staff), so a client
    // cannot leave the rooms it was put in.
    const room = topicRoom(req.topic, req.id);
    await conn.socket.leave(room);
    return { ok: true, data: { room } };
  }

  private topicCount(socket: RealtimeSocket): number {
    let n = 0;
    for (const room of socket.rooms) if (isTopicRoom(room)) n++;
    return n;
  }
}
