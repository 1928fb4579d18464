import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandResults, DeviceCommandService, DeviceDirectory, DeviceEventDispatcher, DeviceStatusEvents } from '@app/devices';

/**
 * The device layer's services, looked up loosely once every provider exists. AccessModule cannot
 * import DevicesModule.forApi()/forWorker() again (dynamic modules are keyed by reference: a second
 * call would start a second ingestion), and the apps load one flavour or the other.
 * Everything here is resolved in onModuleInit, before ingestion starts (onApplicationBootstrap).
 */
@Injectable()
export class DeviceLinks implements OnModuleInit {
  private resolved?: {
    directory: DeviceDirectory;
    commands: DeviceCommandService;
    results: CommandResults;
    statusEvents: DeviceStatusEvents;
    dispatcher: DeviceEventDispatcher;
  };

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.resolve();
  }

  get directory(): DeviceDirectory {
    return this.resolve().directory;
  }

  get commands(): DeviceCommandService {
    return this.resolve().commands;
  }

  get results(): CommandResults {
    return this.resolve().results;
  }

  get statusEvents(): DeviceStatusEvents {
    return this.resolve().statusEvents;
  }

  get dispatcher(): DeviceEventDispatcher {
    return this.resolve().dispatcher;
  }

  private resolve(): NonNullable<DeviceLinks['resolved']> {
    if (!this.resolved) {
      const get = <T>(token: new (...args: never[]) => T): T => this.moduleRef.get(token, { strict: false });
      this.resolved = {
        directory: get(DeviceDirectory),
        commands: get(DeviceCommandService),
        results: get(CommandResults),
        statusEvents: get(DeviceStatusEvents),
        dispatcher: get(DeviceEventDispatcher),
      };
    }
    return this.resolved;
  }
}
