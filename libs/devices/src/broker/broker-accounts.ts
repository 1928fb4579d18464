import type { DeviceKind } from '@app/contracts';

/**
 * The broker's view of device credentials. With Mosquitto dynamic security each device is a broker
 * client whose role reaches only its own topics; with a development broker (anonymous allowed) the
 * no-op implementation is used and only the backend checks credentials.
 */
export interface BrokerAccounts {
  /** Creates (or replaces) the device's broker client and its role. */
  provision(deviceId: string, kind: DeviceKind, password: string): Promise<void>;
  /** Changes the password (rotation); the old one stops working at once. */
  setPassword(deviceId: string, password: string): Promise<void>;
  /** Removes the client and role and disconnects the device (decommission). */
  remove(deviceId: string): Promise<void>;
}

export const BROKER_ACCOUNTS = Symbol('BROKER_ACCOUNTS');
