import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Device } from '@app/devices';
import { DeviceStatusBridge } from './devices/device-status.bridge';
import { DeviceStatusSnapshot } from './devices/device-status.snapshot';
import { ClientMessageRouter } from './gateway/client-message-router.service';
import { RealtimeConnections } from './gateway/realtime-connections.service';
import { RealtimeGateway } from './gateway/realtime.gateway';
import { SnapshotBuilder } from './gateway/snapshot-builder.service';
import { RealtimePublisher } from './publisher/realtime-publisher.service';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeAccess } from './registry/realtime-access.service';
import { RealtimeCommands } from './registry/realtime-commands.service';
import { SnapshotProviders } from './registry/snapshot-providers.service';

// What domain modules inject: the publisher, and the registries they plug their topics, commands
// and snapshot sections into. Global, so a domain module never imports RealtimeModule (nor its gateway).
const PUBLIC = [RealtimePublisher, RealtimeAccess, RealtimeCommands, SnapshotProviders];

/**
 * Realtime push. The api hosts the socket.io gateway (Redis adapter); the api and the worker both
 * publish through the Redis emitter, and both bridge device presence to staff rooms.
 */
@Module({})
export class RealtimeModule {
  static forApi(): DynamicModule {
    return {
      module: RealtimeModule,
      global: true,
      imports: [TypeOrmModule.forFeature([Device])],
      providers: [...PUBLIC, RealtimeMetrics, RealtimeGateway, RealtimeConnections, ClientMessageRouter, SnapshotBuilder, DeviceStatusBridge, DeviceStatusSnapshot],
      exports: PUBLIC,
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: RealtimeModule,
      global: true,
      // The registries exist here too, so a module loaded in both apps can register unconditionally.
      providers: [...PUBLIC, RealtimeMetrics, DeviceStatusBridge],
      exports: PUBLIC,
    };
  }
}
