import { brokerAccountsProvider } from './broker/broker-accounts.provider';
import { CommandAckConsumer } from './commands/command-ack.consumer';
import { CommandEnvelopeStore } from './commands/command-envelope-store';
import { CommandHistoryService } from './commands/command-history.service';
import { CommandResults } from './commands/command-results';
import { CommandStore } from './commands/command-store';
import { DeviceCommandService } from './commands/device-command.service';
import { DeviceCommandsController } from './commands/device-commands.controller';
import { DeviceCommandsProcessor } from './commands/device-commands.processor';
import { DurableDeliveryService } from './commands/durable-delivery.service';
import { ConfigDeliveryTracker } from './config/config-delivery-tracker.service';
import { DeviceConfigController } from './config/device-config.controller';
import { DeviceConfigService } from './config/device-config.service';
import { DeviceHousekeepingProcessor } from './presence/device-housekeeping.processor';
import { DeviceHousekeepingScheduler } from './presence/device-housekeeping.scheduler';
import { DevicePresenceController } from './presence/device-presence.controller';
import { DevicePresenceConsumer } from './presence/device-presence.consumer';
import { DevicePresenceService } from './presence/device-presence.service';
import { DeviceScope } from './presence/device-scope.service';
import { DeviceStatusEvents } from './presence/device-status-events';
import { PresenceHistoryService } from './presence/presence-history.service';
import { PresenceStore } from './presence/presence-store';

// Presence, commands, desired config and broker accounts, as parts for DevicesModule (which also
// provides DeviceDirectory, TypeORM's DEVICES_ENTITIES, and imports CoreModule's globals).

/** Both apps: the services other modules use, and BROKER_ACCOUNTS (dynsec or no-op by config). */
export const DEVICE_OPS_PROVIDERS = [
  brokerAccountsProvider,
  DeviceScope,
  DeviceStatusEvents,
  PresenceStore,
  DevicePresenceService,
  PresenceHistoryService,
  CommandResults,
  CommandStore,
  CommandEnvelopeStore,
  DeviceCommandService,
  CommandHistoryService,
  ConfigDeliveryTracker,
  DeviceConfigService,
  DurableDeliveryService,
];

/** The api only: MQTT consumers of status, telemetry (presence) and acks (commands). */
export const DEVICE_OPS_API_PROVIDERS = [DevicePresenceConsumer, CommandAckConsumer];

/** The api only: REST endpoints. */
export const DEVICE_OPS_CONTROLLERS = [DevicePresenceController, DeviceCommandsController, DeviceConfigController];

/** The worker only: BullMQ processors for DeviceCommands and Housekeeping, and the sweep schedules. */
export const DEVICE_OPS_WORKER_PROVIDERS = [DeviceCommandsProcessor, DeviceHousekeepingProcessor, DeviceHousekeepingScheduler];

/** What other modules inject: send commands, set config, listen to presence and command results. */
export const DEVICE_OPS_EXPORTS = [DeviceCommandService, DeviceConfigService, DevicePresenceService, DeviceStatusEvents, CommandResults, brokerAccountsProvider.provide];
