// The realtime (socket.io) contract, imported as '@app/contracts/realtime'.
export * from './realtime-events';
export * from './realtime-rooms';
export * from './client-message-schemas';
export * from './parse-client-message';
export * from './version-filter';
