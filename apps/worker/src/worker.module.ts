import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@app/core';
import { CommunityModule } from '@app/community';
import { DevicesModule } from '@app/devices';
import { RealtimeModule, RealtimePublisher } from '@app/realtime';
import { TicketsModule } from '@app/tickets';

/** The worker: BullMQ processors only, no HTTP. Wiring only. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), CommunityModule, DevicesModule.forWorker(), RealtimeModule.forWorker(), TicketsModule.forWorker({ events: { useExisting: RealtimePublisher } })] };
  }
}
