import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BROKER_ACCOUNTS, BrokerAccounts } from './broker/broker-accounts';
import { DEVICES_ENTITIES } from './devices-entities';
import { DeviceEventDispatcher } from './ingestion/device-event-dispatcher.service';
import { EventIngestor } from './ingestion/event-ingestor.service';
import { DeviceDirectory } from './registry/device-directory.service';
import { DeviceRegistry } from './registry/device-registry.service';
import { DevicesController } from './registry/devices.controller';

const noopBroker: BrokerAccounts = { provision: async () => undefined, setPassword: async () => undefined, remove: async () => undefined };

const SHARED_PROVIDERS = [DeviceDirectory, DeviceRegistry, DeviceEventDispatcher, { provide: BROKER_ACCOUNTS, useValue: noopBroker }];
const SHARED_EXPORTS = [DeviceDirectory, DeviceRegistry, DeviceEventDispatcher];

/**
 * The device layer. The api hosts the REST endpoints and the MQTT ingress (events, acks, status,
 * telemetry); the worker hosts the device jobs (durable command retries, presence sweep).
 */
@Module({})
export class DevicesModule {
  static forApi(): DynamicModule {
    return {
      module: DevicesModule,
      imports: [TypeOrmModule.forFeature(DEVICES_ENTITIES)],
      controllers: [DevicesController],
      providers: [...SHARED_PROVIDERS, EventIngestor],
      exports: [...SHARED_EXPORTS, EventIngestor],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: DevicesModule,
      imports: [TypeOrmModule.forFeature(DEVICES_ENTITIES)],
      providers: [...SHARED_PROVIDERS],
      exports: SHARED_EXPORTS,
    };
  }
}
