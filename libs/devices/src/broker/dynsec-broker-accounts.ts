import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { DeviceKind } from '@app/contracts';
import { deviceRoleAcls, deviceRoleName } from '../domain/device-acls';
import type { BrokerAccounts } from './broker-accounts';
import { DynsecControl, DynsecResponse } from './dynsec-control';

const notFound = (r: DynsecResponse) => /not found/i.test(r.error ?? '');

/**
 * Each device is a Mosquitto dynamic-security client (username = client id = device id) with its
 * own role of literal topics. Deleting a client or changing its password disconnects it at once.
 */
export class DynsecBrokerAccounts implements BrokerAccounts, OnModuleDestroy {
  private readonly logger = new Logger(DynsecBrokerAccounts.name);

  constructor(
    private readonly control: DynsecControl,
    private readonly topicRoot: string,
  ) {}

  async provision(deviceId: string, kind: DeviceKind, password: string): Promise<void> {
    const rolename = deviceRoleName(deviceId);
    // Replace whatever exists (a retried provisioning), then create; one message, run in order.
    await this.control.executeOrThrow(
      [
        { command: 'deleteClient', username: deviceId },
        { command: 'deleteRole', rolename },
        { command: 'createRole', rolename, textname: `${kind} ${deviceId}`, acls: deviceRoleAcls(this.topicRoot, deviceId) },
        { command: 'createClient', username: deviceId, clientid: deviceId, password, textname: `${kind} ${deviceId}`, roles: [{ rolename, priority: 0 }] },
      ],
      (r) => (r.command === 'deleteClient' || r.command === 'deleteRole') && notFound(r),
    );
    this.logger.log(`broker client ${deviceId} provisioned`);
  }

  async setPassword(deviceId: string, password: string): Promise<void> {
    await this.control.executeOrThrow([{ command: 'setClientPassword', username: deviceId, password }]);
    this.logger.log(`broker password of ${deviceId} replaced`);
  }

  async remove(deviceId: string): Promise<void> {
    // Deleting the client kicks its connection; already-gone is fine (decommission is idempotent).
    await this.control.executeOrThrow(
      [
        { command: 'deleteClient', username: deviceId },
        { command: 'deleteRole', rolename: deviceRoleName(deviceId) },
      ],
      notFound,
    );
    this.logger.log(`broker client ${deviceId} removed`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.control.close();
  }
}
