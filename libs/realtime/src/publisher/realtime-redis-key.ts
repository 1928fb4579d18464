/**
 * The Redis channel key shared by the api's socket.io adapter and every emitter. It carries the
 * deployment's key prefix, so two deployments (or two test runs) on one Redis never cross.
 */
export function realtimeRedisKey(keyPrefix: string): string {
  return `${keyPrefix}:socket.io`;
}
