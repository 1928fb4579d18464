import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@app/core';
import { CommunityModule } from '@app/community';
import { DevicesModule } from '@app/devices';

/** The worker: BullMQ processors only, no HTTP. Wiring only. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), CommunityModule, DevicesModule.forWorker()] };
  }
}
