import type { FactoryProvider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { BROKER_ACCOUNTS, BrokerAccounts } from './broker-accounts';
import { DynsecBrokerAccounts } from './dynsec-broker-accounts';
import { DynsecControl } from './dynsec-control';
import { NoopBrokerAccounts } from './noop-broker-accounts';

/** Mosquitto dynamic security when MQTT_DYNSEC_ENABLED, else the no-op accounts of a dev broker. */
export function createBrokerAccounts(config: AppConfig): BrokerAccounts {
  const m = config.mqtt;
  if (!m.dynsecEnabled) return new NoopBrokerAccounts();
  if (!m.dynsecUsername || !m.dynsecPassword) {
    throw new Error('MQTT_DYNSEC_ENABLED needs MQTT_DYNSEC_USERNAME/PASSWORD (or MQTT_USERNAME/PASSWORD)');
  }
  const control = new DynsecControl({
    url: m.url,
    username: m.dynsecUsername,
    password: m.dynsecPassword,
    clientId: `${m.clientIdPrefix}-dynsec-${config.instanceId}`.slice(0, 128),
  });
  return new DynsecBrokerAccounts(control, m.topicRoot);
}

export const brokerAccountsProvider: FactoryProvider<BrokerAccounts> = {
  provide: BROKER_ACCOUNTS,
  inject: [APP_CONFIG],
  useFactory: createBrokerAccounts,
};
