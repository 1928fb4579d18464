// The realtime event map (socket.io), shared by the api, the worker and every client (companion app,
// staff console, tests). No Nest, no TypeORM. Vocabulary owned by a feature lib (ticket statuses,
// speaker modes…) is typed `string` here so contracts never lag behind those libs.

/** Every server→client payload carries these, so a client can order events and drop stale ones. */
export interface RealtimeMeta {
  /** The entity the event is about: access event id, alarm id, device id, ticket id, speaker id… */
  id: string;
  /**
   * Grows with every change of that entity (a row version, or the change time in epoch ms).
   * A client keeps the highest version it has seen per (event family, id) and drops anything not above it.
   */
  version: number;
  /** ISO-8601 time of the change (not of delivery). */
  at: string;
}

/** A decision at a gate (face, QR, the gate's own offline decision, or a remote open). */
export interface AccessEventPayload extends RealtimeMeta {
  siteId: string;
  deviceId: string;
  method: 'face' | 'face_local' | 'qr' | 'remote';
  decision: 'granted' | 'denied';
  /** Deny reason (PROTOCOL.md `gate.deny` reasons), absent when granted. */
  reason?: string;
  personId?: string | null;
  personKind?: 'resident' | 'visitor' | 'staff' | 'unknown';
  /** Shown on screens; never biometric data. */
  displayName?: string;
  /** The household this entry concerns (a resident, or a visitor of that unit). */
  unitId?: string | null;
}

/** A gate alarm (forced open, held open, tamper) and its handling. */
export interface AccessAlarmPayload extends RealtimeMeta {
  siteId: string;
  deviceId: string;
  kind: 'forced_open' | 'held_open' | 'tamper';
  status: 'open' | 'acknowledged' | 'resolved';
  detail?: string;
  raisedAt: string;
  acknowledgedAt?: string | null;
  /** Account id of whoever acknowledged it. */
  acknowledgedBy?: string | null;
}

/** A gate or speaker went online or offline. `id` is the device id; `version` the transition time in ms. */
export interface DeviceStatusPayload extends RealtimeMeta {
  siteId: string;
  kind: 'gate' | 'speaker';
  online: boolean;
  /** Why it changed (birth, will, silence, decommissioned…), as recorded by the devices lib. */
  reason?: string;
  name?: string;
}

/** `ticket.created` and `ticket.updated`: the ticket as it is now (statuses/priorities: libs/tickets). */
export interface TicketPayload extends RealtimeMeta {
  siteId: string;
  unitId?: string | null;
  number?: string;
  title: string;
  category: string;
  priority: string;
  status: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  /** Which fields changed in this update (absent on create). */
  changes?: string[];
}

/** An inbox notification for one account. */
export interface NotificationPayload extends RealtimeMeta {
  kind: string;
  title: string;
  body?: string;
  ref?: { type: string; id: string };
}

/** One speaker's live state. `id` is the speaker's device id. */
export interface SpeakerStatePayload extends RealtimeMeta {
  siteId: string;
  zoneId?: string | null;
  online: boolean;
  /** idle | background | pairing | active | announcing (libs/speakers). */
  mode: string;
  /** The zone's background music playing now (mode background), null otherwise. */
  backgroundMusic?: { playlist: string | null; level: number } | null;
  playback?: { state: 'playing' | 'paused' | 'idle'; title?: string; artist?: string };
  volume?: number;
  cap?: number;
  sessionId?: string | null;
  sessionEndsAt?: string | null;
}

/** A speaker's queue as seen by the receiver. `id` is the speaker's device id. */
export interface SpeakerQueuePayload extends RealtimeMeta {
  length: number;
  /** The receiving resident's 1-based position, null when not queued (absent in staff rooms). */
  position?: number | null;
  estimatedWaitSeconds?: number | null;
}

/** Progress of one announcement over its target speakers. */
export interface AnnouncementStatusPayload extends RealtimeMeta {
  siteId: string;
  /** scheduled | sending | playing | delivered | partial | failed | cancelled (libs/speakers). */
  status: string;
  priority: 'normal' | 'emergency';
  delivered: number;
  total: number;
}

/** What a snapshot may contain; each module fills the sections it owns. */
export interface SnapshotSections {
  devices: DeviceStatusPayload[];
  alarms: AccessAlarmPayload[];
  tickets: TicketPayload[];
  notifications: NotificationPayload[];
  speakers: SpeakerStatePayload[];
  queues: SpeakerQueuePayload[];
  announcements: AnnouncementStatusPayload[];
}
export type SnapshotSectionName = keyof SnapshotSections;

/**
 * What the receiver's rooms show now, sent after (re)connect and after an opt-in subscription.
 * `id` identifies the snapshot; `version` grows per connection. Items carry their own id/version,
 * so live events that raced the snapshot are merged by version, not by arrival order.
 */
export interface SnapshotPayload extends RealtimeMeta, Partial<SnapshotSections> {
  reason: 'connect' | 'subscribe' | 'request';
  /** The rooms the connection is in (server-chosen and opted-in). */
  rooms: string[];
  /** Sections whose provider failed or timed out: keep what you had, or ask again. */
  unavailable?: string[];
}

/** Error codes a client can act on. Domain handlers may add their own (e.g. ALARM_NOT_FOUND). */
export const REALTIME_ERROR_CODES = [
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'UNKNOWN_EVENT',
  'VALIDATION_FAILED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'TOPIC_UNAVAILABLE',
  'NOT_AVAILABLE',
  'INTERNAL',
] as const;
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number];

/** Sent when a client message is refused or its token expires; the connection stays up unless said. */
export interface RealtimeErrorPayload extends RealtimeMeta {
  code: RealtimeErrorCode | (string & {});
  message: string;
  /** The client event that caused it, when there is one. */
  event?: string;
  retryAfterMs?: number;
}

/** Server → client events. */
export interface ServerToClientEvents {
  'access.event': (p: AccessEventPayload) => void;
  'access.alarm': (p: AccessAlarmPayload) => void;
  'device.status': (p: DeviceStatusPayload) => void;
  'ticket.created': (p: TicketPayload) => void;
  'ticket.updated': (p: TicketPayload) => void;
  notification: (p: NotificationPayload) => void;
  'speaker.state': (p: SpeakerStatePayload) => void;
  'speaker.queue': (p: SpeakerQueuePayload) => void;
  'announcement.status': (p: AnnouncementStatusPayload) => void;
  snapshot: (p: SnapshotPayload) => void;
  error: (p: RealtimeErrorPayload) => void;
}
export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export const SERVER_EVENT_NAMES = [
  'access.event',
  'access.alarm',
  'device.status',
  'ticket.created',
  'ticket.updated',
  'notification',
  'speaker.state',
  'speaker.queue',
  'announcement.status',
  'snapshot',
  'error',
] as const satisfies readonly ServerEventName[];

/** Topics a client may opt into (one room per topic and id); each is authorized by the module owning it. */
export const SUBSCRIPTION_TOPICS = ['speaker', 'zone', 'ticket', 'announcement'] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

export interface SubscribeRequest {
  topic: SubscriptionTopic;
  id: string;
}
export interface AlarmAckRequest {
  alarmId: string;
  note?: string;
}

/** The answer to a client message that passed an ack callback. */
export type ClientAck<T = unknown> = { ok: true; data?: T } | { ok: false; error: { code: string; message: string } };

/** Client → server events. Each may pass an ack callback as its last argument. */
export interface ClientToServerEvents {
  /** Join one opt-in room, e.g. `{ topic: 'speaker', id }`; answered with `{ ok, data: { room } }` and a snapshot of it. */
  subscribe: (req: SubscribeRequest, ack?: (r: ClientAck<{ room: string }>) => void) => void;
  unsubscribe: (req: SubscribeRequest, ack?: (r: ClientAck<{ room: string }>) => void) => void;
  /** Staff acknowledge an open alarm (handled by the access module). */
  'alarm.ack': (req: AlarmAckRequest, ack?: (r: ClientAck) => void) => void;
  /** Ask for a fresh snapshot (e.g. when the app returns to the foreground). */
  'snapshot.request': (req?: Record<string, never>, ack?: (r: ClientAck) => void) => void;
}
export type ClientEventName = keyof ClientToServerEvents;
export const CLIENT_EVENT_NAMES = ['subscribe', 'unsubscribe', 'alarm.ack', 'snapshot.request'] as const satisfies readonly ClientEventName[];

/** The socket.io path of the api (websocket transport only). */
export const REALTIME_PATH = '/socket.io';
