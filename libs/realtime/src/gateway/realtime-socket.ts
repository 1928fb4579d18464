import type { Server, Socket } from 'socket.io';
import type { Principal } from '@app/core';
import type { ClientToServerEvents, ServerToClientEvents } from '@app/contracts/realtime';

/** What the handshake established; kept on `socket.data` (plain data: other instances may fetch it). */
export interface RealtimeSocketData {
  principal: Principal;
  /** ISO time the access token expires; the socket is disconnected then. */
  expiresAt: string;
}

type ServerSideEvents = Record<string, never>;
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, RealtimeSocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, RealtimeSocketData>;
