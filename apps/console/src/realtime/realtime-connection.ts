// One socket.io connection per signed-in session (contract: libs/realtime/README.md). The token is
// read at every (re)connect; an expired one is refreshed and the socket reconnects. Events pass a
// version filter so a live event that raced the snapshot, or a duplicate, is dropped.
import { io, type Socket } from 'socket.io-client';
import { createVersionFilter } from '@app/contracts/realtime/version-filter';
import { REALTIME_PATH, type ClientToServerEvents, type ServerEventName, type ServerEventPayload, type ServerToClientEvents } from '@app/contracts/realtime/realtime-events';
import { sessionStore } from '../auth/session-store';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RealtimeStatus = 'connecting' | 'live' | 'offline';
type Handler<E extends ServerEventName> = (p: ServerEventPayload<E>) => void;

/** Events whose payloads describe an entity with a version (snapshot and error do not). */
const VERSIONED: ServerEventName[] = ['access.event', 'access.alarm', 'device.status', 'ticket.created', 'ticket.updated', 'notification', 'speaker.state', 'speaker.queue', 'announcement.status'];
const TOKEN_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID']);

export class RealtimeConnection {
  private readonly socket: RealtimeSocket;
  private readonly handlers = new Map<ServerEventName, Set<(p: unknown) => void>>();
  private readonly statusListeners = new Set<(s: RealtimeStatus) => void>();
  private readonly versions = createVersionFilter();
  status: RealtimeStatus = 'connecting';

  constructor() {
    this.socket = io({ path: REALTIME_PATH, transports: ['websocket'], auth: (cb) => cb({ token: sessionStore.accessToken() ?? '' }) });
    this.socket.on('connect', () => this.setStatus('live'));
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', (err) => {
      this.setStatus('offline');
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code && TOKEN_CODES.has(code)) void this.reconnectWithFreshToken();
    });
    this.socket.on('error', (e) => {
      if (TOKEN_CODES.has(e.code)) void this.reconnectWithFreshToken();
    });
    for (const event of VERSIONED) {
      // The family groups created/updated so an older `created` never overwrites a newer `updated`.
      const family = event.startsWith('ticket.') ? 'ticket' : event;
      this.socket.on(event, ((p: { id: string; version: number }) => {
        if (this.versions.accept(family, p.id, p.version)) this.dispatch(event, p);
      }) as never);
    }
    this.socket.on('snapshot', (p) => this.dispatch('snapshot', p));
  }

  on<E extends ServerEventName>(event: E, handler: Handler<E>): () => void {
    const set = this.handlers.get(event) ?? new Set();
    this.handlers.set(event, set);
    set.add(handler as (p: unknown) => void);
    return () => set.delete(handler as (p: unknown) => void);
  }

  onStatus(l: (s: RealtimeStatus) => void): () => void {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  }

  /** Opt into a topic room (a ticket, a speaker…); resolves false when the server refuses. */
  subscribe(topic: 'ticket' | 'speaker' | 'zone' | 'announcement', id: string): Promise<boolean> {
    return new Promise((resolve) => this.socket.emit('subscribe', { topic, id }, (r) => resolve(r.ok)));
  }

  unsubscribe(topic: 'ticket' | 'speaker' | 'zone' | 'announcement', id: string): void {
    if (this.socket.connected) this.socket.emit('unsubscribe', { topic, id });
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private dispatch(event: ServerEventName, payload: unknown): void {
    for (const h of this.handlers.get(event) ?? []) h(payload);
  }

  private setStatus(s: RealtimeStatus): void {
    this.status = s;
    for (const l of this.statusListeners) l(s);
  }

  private async reconnectWithFreshToken(): Promise<void> {
    if (await sessionStore.refresh()) this.socket.connect();
  }
}
