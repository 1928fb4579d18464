import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { REALTIME_PATH } from '@app/contracts/realtime';
import { RealtimeConnections } from './realtime-connections.service';
import type { RealtimeServer, RealtimeSocket } from './realtime-socket';

/**
 * socket.io on the api's HTTP server, websocket transport only. Thin: the handshake, rooms,
 * messages and snapshots live in RealtimeConnections. Client messages are dispatched there with
 * `onAny` (not @SubscribeMessage) so that unknown or malformed events get an `error` event too.
 */
@WebSocketGateway({
  path: REALTIME_PATH,
  transports: ['websocket'],
  serveClient: false,
  // Client messages are small; a larger frame closes that one connection.
  maxHttpBufferSize: 64 * 1024,
})
export class RealtimeGateway implements OnGatewayInit<RealtimeServer>, OnGatewayConnection<RealtimeSocket>, OnGatewayDisconnect<RealtimeSocket> {
  constructor(private readonly connections: RealtimeConnections) {}

  afterInit(server: RealtimeServer): void {
    this.connections.attach(server);
  }

  handleConnection(socket: RealtimeSocket): void {
    this.connections.accept(socket);
  }

  handleDisconnect(socket: RealtimeSocket): void {
    this.connections.release(socket);
  }
}
