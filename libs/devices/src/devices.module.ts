import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DEVICE_OPS_API_PROVIDERS, DEVICE_OPS_CONTROLLERS, DEVICE_OPS_EXPORTS, DEVICE_OPS_PROVIDERS, DEVICE_OPS_WORKER_PROVIDERS } from './device-ops.parts';
import { DEVICES_ENTITIES } from './devices-entities';
import { DeviceEventDispatcher } from './ingestion/device-event-dispatcher.service';
import { EventIngestor } from './ingestion/event-ingestor.service';
import { DeviceDirectory } from './registry/device-directory.service';
import { DeviceRegistry } from './registry/device-registry.service';
import { DevicesController } from './registry/devices.controller';

const SHARED_PROVIDERS = [DeviceDirectory, DeviceRegistry, DeviceEventDispatcher, ...DEVICE_OPS_PROVIDERS];
const SHARED_EXPORTS = [DeviceDirectory, DeviceRegistry, DeviceEventDispatcher, ...DEVICE_OPS_EXPORTS];

/**
 * The device layer. The api hosts the REST endpoints and the MQTT ingress (events, acks, status,
 * telemetry); the worker hosts the device jobs (durable command retries, presence and timeout sweeps).
 */
@Module({})
export class DevicesModule {
  static forApi(): DynamicModule {
    return {
      module: DevicesModule,
      imports: [TypeOrmModule.forFeature(DEVICES_ENTITIES)],
      controllers: [DevicesController, ...DEVICE_OPS_CONTROLLERS],
      providers: [...SHARED_PROVIDERS, ...DEVICE_OPS_API_PROVIDERS, EventIngestor],
      exports: [...SHARED_EXPORTS, EventIngestor],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: DevicesModule,
      imports: [TypeOrmModule.forFeature(DEVICES_ENTITIES)],
      providers: [...SHARED_PROVIDERS, ...DEVICE_OPS_WORKER_PROVIDERS],
      exports: SHARED_EXPORTS,
    };
  }
}
