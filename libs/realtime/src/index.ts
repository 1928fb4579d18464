export * from './realtime.module';
export * from './publisher/realtime-publisher.service';
export * from './publisher/realtime-redis-key';
export * from './registry/realtime-access.service';
export * from './registry/realtime-commands.service';
export * from './registry/snapshot-providers.service';
export type { RealtimeServer, RealtimeSocket, RealtimeSocketData } from './gateway/realtime-socket';
