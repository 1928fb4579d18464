// Every BullMQ queue, its job names and payloads. One processor per queue (in the worker); a queue
// without a processor, or a job name without a handler, fails the worker at boot.

export enum QueueName {
  DeviceCommands = 'device-commands',
  Housekeeping = 'housekeeping',
  TicketSla = 'ticket-sla',
  TicketMaintenance = 'ticket-maintenance',
  SpeakerTimers = 'speaker-timers',
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
  [QueueName.TicketSla]: {
    /** Runs the ticket's due SLA escalation steps (idempotent: each step fires once). */
    escalate: { ticketId: string };
    /** Closes a resolved ticket nobody rated once its auto-close time has come. */
    'auto-close': { ticketId: string };
    /** Repeatable safety net: escalations and auto-closes whose timers were missed. */
    sweep: Record<string, never>;
  };
  [QueueName.TicketMaintenance]: {
    /** One occurrence of a preventive maintenance plan (from its job scheduler, or `occurrenceAt` ms): one ticket. */
    'plan-occurrence': { planId: string; occurrenceAt?: number };
  };
  [QueueName.SpeakerTimers]: {
    /** A speaker deadline (pairing, claim, warning, end…) is due: applies `tick` to its state (idempotent). */
    tick: { speakerId: string };
    /** Quiet hours, opening hours or background music change in a zone: ticks its speakers, plans the next. */
    'zone-tick': { zoneId: string };
    /** A scheduled announcement is due: starts it on its target speakers where it may play. */
    'announcement-start': { announcementId: string };
    /** An announcement has played out on a speaker: marks it played and resumes the session. */
    'announcement-end': { announcementId: string; speakerId: string };
    /** Repeatable safety net: ticks every speaker and re-plans zone timers. */
    sweep: Record<string, never>;
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobData<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J] & JobMeta;

/** The runtime list of job names, checked against the processors at boot. */
export const QUEUE_JOBS: { [Q in QueueName]: readonly JobName<Q>[] } = {
  [QueueName.DeviceCommands]: ['deliver-durable'],
  [QueueName.Housekeeping]: ['presence-sweep', 'command-timeout-sweep'],
  [QueueName.TicketSla]: ['escalate', 'auto-close', 'sweep'],
  [QueueName.TicketMaintenance]: ['plan-occurrence'],
  [QueueName.SpeakerTimers]: ['tick', 'zone-tick', 'announcement-start', 'announcement-end', 'sweep'],
};

/** BullMQ treats ':' as a separator inside job ids; stable ids must avoid it. */
export function stableJobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}
