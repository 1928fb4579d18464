export * from './test-env';
export * from './test-api';
export * from './factories';
