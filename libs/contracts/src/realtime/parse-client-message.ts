import type { TSchema } from '@sinclair/typebox';
import { lazyValidator, type CompiledValidator } from '../device/compiled-validator';
import { AlarmAckRequestSchema, SnapshotRequestSchema, SubscribeRequestSchema } from './client-message-schemas';
import { CLIENT_EVENT_NAMES, type AlarmAckRequest, type ClientAck, type ClientEventName, type SubscribeRequest } from './realtime-events';

/** A client message that passed validation, with its payload typed by event. */
export type ClientMessage =
  | { event: 'subscribe'; payload: SubscribeRequest }
  | { event: 'unsubscribe'; payload: SubscribeRequest }
  | { event: 'alarm.ack'; payload: AlarmAckRequest }
  | { event: 'snapshot.request'; payload: Record<string, never> };

export type AckCallback = (result: ClientAck<unknown>) => void;

export type ParseClientMessageResult =
  | { ok: true; message: ClientMessage; ack?: AckCallback }
  | { ok: false; code: 'UNKNOWN_EVENT' | 'VALIDATION_FAILED'; message: string; event?: string; ack?: AckCallback };

const VALIDATORS: Record<ClientEventName, CompiledValidator<TSchema>> = {
  subscribe: lazyValidator(SubscribeRequestSchema),
  unsubscribe: lazyValidator(SubscribeRequestSchema),
  'alarm.ack': lazyValidator(AlarmAckRequestSchema),
  'snapshot.request': lazyValidator(SnapshotRequestSchema),
};

/** Events without a payload may omit it (`socket.emit('snapshot.request')`). */
const PAYLOAD_OPTIONAL: ReadonlySet<ClientEventName> = new Set(['snapshot.request']);

/** A bounded, printable echo of whatever a client sent as an event name. */
function describeEventName(event: unknown): string {
  const s = typeof event === 'string' ? event : `<${typeof event}>`;
  return s.length > 64 ? `${s.slice(0, 64)}…` : s;
}

function isClientEventName(event: unknown): event is ClientEventName {
  return typeof event === 'string' && (CLIENT_EVENT_NAMES as readonly string[]).includes(event);
}

/**
 * Validates one incoming socket.io event (`socket.onAny(event, ...args)`). The ack callback, if any,
 * is the last argument; exactly one payload argument may precede it. Never throws.
 */
export function parseClientMessage(event: unknown, args: readonly unknown[]): ParseClientMessageResult {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as AckCallback) : undefined;
  const data = ack ? args.slice(0, -1) : args;
  if (!isClientEventName(event)) {
    return { ok: false, code: 'UNKNOWN_EVENT', message: `unknown event "${describeEventName(event)}"; expected one of ${CLIENT_EVENT_NAMES.join(', ')}`, event: describeEventName(event), ack };
  }
  if (data.length > 1) return { ok: false, code: 'VALIDATION_FAILED', message: `${event}: expected one payload argument, got ${data.length}`, event, ack };
  let payload = data[0];
  if (payload === undefined && PAYLOAD_OPTIONAL.has(event)) payload = {};
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, code: 'VALIDATION_FAILED', message: `${event}: payload must be an object`, event, ack };
  }
  const validate = VALIDATORS[event];
  if (!validate(payload)) return { ok: false, code: 'VALIDATION_FAILED', message: validate.lastError(event), event, ack };
  return { ok: true, message: { event, payload } as ClientMessage, ack };
}
