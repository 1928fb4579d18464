import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, CoreModule, ProcessorCoverageCheck } from '@app/core';
import { CommunityModule } from '@app/community';
import { DevicesModule } from '@app/devices';
import { AccessModule } from '@app/access';
import { RealtimeModule, RealtimePublisher } from '@app/realtime';
import { TicketsModule } from '@app/tickets';
import { SpeakersModule } from '@app/speakers';

/** The worker: BullMQ processors only, no HTTP. Wiring only. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [ProcessorCoverageCheck],
      imports: [DiscoveryModule, CoreModule.forRoot(config), CommunityModule, DevicesModule.forWorker(), AccessModule.forWorker(), SpeakersModule.forWorker(), RealtimeModule.forWorker(), TicketsModule.forWorker({ events: { useExisting: RealtimePublisher } })],
    };
  }
}
