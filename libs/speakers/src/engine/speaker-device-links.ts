import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandResults, DeviceCommandService, DeviceConfigService, DeviceDirectory, DeviceEventDispatcher, DeviceStatusEvents } from '@app/devices';

/**
 * The device layer's services, looked up loosely on first use. SpeakersModule cannot import
 * DevicesModule.forApi()/forWorker() itself (Nest 11 keys dynamic modules by reference: a second
 * call would start a second ingestion); the app loads one flavour next to it. Every instance
 * exists by the time lifecycle hooks run, so the first use (onModuleInit at the earliest) works.
 */
@Injectable()
export class SpeakerDeviceLinks {
  private readonly cache = new Map<unknown, unknown>();

  constructor(private readonly moduleRef: ModuleRef) {}

  get commands(): DeviceCommandService {
    return this.get(DeviceCommandService);
  }

  get config(): DeviceConfigService {
    return this.get(DeviceConfigService);
  }

  get directory(): DeviceDirectory {
    return this.get(DeviceDirectory);
  }

  get dispatcher(): DeviceEventDispatcher {
    return this.get(DeviceEventDispatcher);
  }

  get statusEvents(): DeviceStatusEvents {
    return this.get(DeviceStatusEvents);
  }

  get results(): CommandResults {
    return this.get(CommandResults);
  }

  private get<T>(token: new (...args: never[]) => T): T {
    const cached = this.cache.get(token) as T | undefined;
    if (cached) return cached;
    const instance = this.moduleRef.get(token, { strict: false });
    this.cache.set(token, instance);
    return instance;
  }
}
