import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllExceptionsFilter, AppConfig, AuthGuard, CoreModule } from '@app/core';
import { CommunityModule } from '@app/community';
import { DEVICES_ENTITIES } from '@app/devices/devices-entities';
import { DeviceDirectory } from '@app/devices/registry/device-directory.service';
import { DEVICE_OPS_API_PROVIDERS, DEVICE_OPS_CONTROLLERS, DEVICE_OPS_PROVIDERS, DEVICE_OPS_WORKER_PROVIDERS } from '@app/devices/device-ops.parts';

// Shared by the device-ops integration specs (presence, commands).

/** The device-ops parts as the api and the worker would host them, in one process. */
@Module({})
export class DeviceOpsTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DeviceOpsTestModule,
      imports: [CoreModule.forRoot(config), CommunityModule, TypeOrmModule.forFeature(DEVICES_ENTITIES)],
      controllers: [...DEVICE_OPS_CONTROLLERS],
      providers: [
        DeviceDirectory,
        ...DEVICE_OPS_PROVIDERS,
        ...DEVICE_OPS_API_PROVIDERS,
        ...DEVICE_OPS_WORKER_PROVIDERS,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` gives a truthy value, or fails the test naming what it waited for. */
export async function until<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 8000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(stepMs);
  }
}
