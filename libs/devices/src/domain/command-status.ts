import type { CommandStatus } from '../commands/device-command.entity';

// The life of a command: queued → sent → acked | failed | expired | timeout, or superseded by a
// newer durable command of the same key. Every status change in SQL is "UPDATE … WHERE status IN
// (the statuses this event may leave)", derived from this one table, so concurrent updates (an ack
// racing the timeout sweep, two api instances) cannot move a command backwards.

export type CommandEvent =
  /** First publish succeeded (PUBACK from the broker). */
  | 'published'
  /** A durable command was published again. */
  | 'republished'
  /** A short-lived command could not be handed to the broker. */
  | 'publish_failed'
  | 'ack_ok'
  | 'ack_failed'
  /** The device acked EXPIRED: it got the command too late and did nothing. */
  | 'ack_expired'
  /** expiresAt passed without an ack. */
  | 'deadline_passed'
  /** A newer durable command of the same supersede key was issued. */
  | 'superseded'
  /** A durable command can no longer be delivered (device gone, payload lost). */
  | 'undeliverable';

export const ALL_COMMAND_STATUSES: readonly CommandStatus[] = ['queued', 'sent', 'acked', 'failed', 'expired', 'timeout', 'superseded'];

const ACK_TARGET = { ack_ok: 'acked', ack_failed: 'failed', ack_expired: 'expired' } as const;

/** The status after `event`, or null when the event does not apply (duplicate, late, out of order). */
export function nextCommandStatus(current: CommandStatus, event: CommandEvent): CommandStatus | null {
  switch (current) {
    case 'queued':
      // An ack may overtake our own "sent" write: the device is faster than the database.
      if (event === 'published' || event === 'republished') return 'sent';
      if (event === 'publish_failed' || event === 'undeliverable') return 'failed';
      if (event === 'deadline_passed') return 'timeout';
      if (event === 'superseded') return 'superseded';
      return event in ACK_TARGET ? ACK_TARGET[event as keyof typeof ACK_TARGET] : null;
    case 'sent':
      if (event === 'republished') return 'sent';
      if (event === 'undeliverable') return 'failed';
      if (event === 'deadline_passed') return 'timeout';
      if (event === 'superseded') return 'superseded';
      return event in ACK_TARGET ? ACK_TARGET[event as keyof typeof ACK_TARGET] : null;
    case 'timeout':
      // A late ack tells what really happened (the device checked expiry by its own clock).
      return event in ACK_TARGET ? ACK_TARGET[event as keyof typeof ACK_TARGET] : null;
    default:
      // acked, failed, expired, superseded are final.
      return null;
  }
}

/** The statuses an event may leave, and the one it leads to (the same from each of them). */
export function commandTransition(event: CommandEvent): { from: CommandStatus[]; to: CommandStatus } {
  const from: CommandStatus[] = [];
  let to: CommandStatus | null = null;
  for (const status of ALL_COMMAND_STATUSES) {
    const next = nextCommandStatus(status, event);
    if (next === null) continue;
    if (to !== null && to !== next) throw new Error(`event ${event} leads to more than one status`);
    to = next;
    from.push(status);
  }
  if (to === null) throw new Error(`event ${event} applies to no status`);
  return { from, to };
}

const ALL_EVENTS: readonly CommandEvent[] = ['published', 'republished', 'publish_failed', 'ack_ok', 'ack_failed', 'ack_expired', 'deadline_passed', 'superseded', 'undeliverable'];

/** True when nothing can change the status any more (timeout is not: a late ack may still correct it). */
export function isSettledCommandStatus(status: CommandStatus): boolean {
  return ALL_EVENTS.every((event) => nextCommandStatus(status, event) === null);
}

/** Nothing more to deliver: the command was answered, gave up, or was replaced (a timeout included). */
export function isDeliveryOver(status: CommandStatus): boolean {
  return status !== 'queued' && status !== 'sent';
}

/** Which event an ack is: ok, EXPIRED (not executed because late), or any other failure. */
export function ackEvent(ack: { ok: boolean; error?: { code: string } }): 'ack_ok' | 'ack_failed' | 'ack_expired' {
  if (ack.ok) return 'ack_ok';
  return ack.error?.code === 'EXPIRED' ? 'ack_expired' : 'ack_failed';
}
