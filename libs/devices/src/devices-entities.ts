import { DeviceCommandRecord } from './commands/device-command.entity';
import { DeviceEventRecord } from './ingestion/device-event.entity';
import { DevicePresenceChange } from './presence/device-presence-change.entity';
import { Device } from './registry/device.entity';

export const DEVICES_ENTITIES = [Device, DevicePresenceChange, DeviceEventRecord, DeviceCommandRecord];
