// Every BullMQ queue, its job names and payloads. One processor per queue (in the worker); a job
// name without a handler fails the worker at boot.

export enum QueueName {
  DeviceCommands = 'device-commands',
  Housekeeping = 'housekeeping',
  Notifications = 'notifications',
}

/** Each job carries the correlation id of the request or device event that caused it. */
export interface JobMeta {
  correlationId?: string;
}

export interface JobPayloads {
  [QueueName.DeviceCommands]: {
    /** Retry a durable command (config, facelib.sync) until acked or superseded. */
    'deliver-durable': { commandId: string };
  };
  [QueueName.Housekeeping]: {
    /** Marks silent devices offline. */
    'presence-sweep': Record<string, never>;
    /** Expires sent commands that were never acked. */
    'command-timeout-sweep': Record<string, never>;
  };
  [QueueName.Notifications]: {
    /** Stores an inbox notification and pushes it live. */
    notify: { accountIds: string[]; kind: string; title: string; body?: string; ref?: { type: string; id: string } };
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobData<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J] & JobMeta;

/** The runtime list of job names, checked against the processors at boot. */
export const QUEUE_JOBS: { [Q in QueueName]: readonly JobName<Q>[] } = {
  [QueueName.DeviceCommands]: ['deliver-durable'],
  [QueueName.Housekeeping]: ['presence-sweep', 'command-timeout-sweep'],
  [QueueName.Notifications]: ['notify'],
};

/** BullMQ treats ':' as a separator inside job ids; stable ids must avoid it. */
export function stableJobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}
