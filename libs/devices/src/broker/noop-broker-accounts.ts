import type { DeviceKind } from '@app/contracts';
import type { BrokerAccounts } from './broker-accounts';

/** Development brokers with anonymous access: nothing to provision, the backend alone checks devices. */
export class NoopBrokerAccounts implements BrokerAccounts {
  async provision(_deviceId: string, _kind: DeviceKind, _password: string): Promise<void> {}
  async setPassword(_deviceId: string, _password: string): Promise<void> {}
  async remove(_deviceId: string): Promise<void> {}
}
