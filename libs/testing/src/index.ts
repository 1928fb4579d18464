export * from './test-env';
export * from './test-api';
export * from './factories';
export * from './api-process';
export * from './device-clients';
export * from './mosquitto-process';
