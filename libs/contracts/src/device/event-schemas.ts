import { Type, type Static } from '@sinclair/typebox';
import { registryEntry } from './message-registry-entry';
import { IsoDateTime, OpaqueId, OpenObject, Percent, ShortText, StringEnum, Uuid } from './schema-primitives';

// Every device → backend event: the envelope and, per type, the schema of `data`.
// Unknown *types* are dropped (the backend may add types, devices may not invent them); unknown
// *fields* inside a known type are tolerated for forward compatibility but stripped while parsing,
// so nothing downstream can come to rely on (or store) fields the contract does not define.

export const EVENT_TYPE_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$';

export const DeviceEventEnvelopeSchema = Type.Object(
  {
    id: Uuid('unique per device; the backend stores (deviceId, id) once'),
    type: Type.String({ minLength: 1, maxLength: 64, pattern: EVENT_TYPE_PATTERN }),
    ts: IsoDateTime('when it happened, by the device clock'),
    data: OpenObject('type-specific, see the event type'),
  },
  { title: 'DeviceEventEnvelope' },
);

// Lookup table instead of a regex: on 2.7 KB strings from JSON.parse the loop is ~2-3× faster.
const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CHAR[c.charCodeAt(0)] = 1;

/** Standard base64 alphabet with at most two trailing `=` (length is checked separately). */
export function isStandardBase64(text: string): boolean {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || BASE64_CHAR[c] === 0) return false;
  }
  return true;
}
export const MAX_EMBEDDING_DIM = 2048;

/** Length of the padded standard base64 of `dim` float32 values. */
export function base64LengthForDim(dim: number): number {
  return 4 * Math.ceil((dim * 4) / 3);
}

export const AccessFaceDataSchema = Type.Object(
  {
    // No minLength: ajv counts code points char by char (8 µs on 2.7 KB); checkAccessFace compares
    // the exact length with dim instead.
    embedding: Type.String({ description: 'base64 of dim float32 values, little-endian' }),
    dim: Type.Integer({ minimum: 1, maximum: MAX_EMBEDDING_DIM, description: 'usually 512' }),
    liveness: Type.Number({ minimum: 0, maximum: 1, description: 'anti-spoofing score of the capture' }),
  },
  { title: 'AccessFaceData' },
);

export const AccessFaceLocalDataSchema = Type.Object(
  {
    // Absent when the gate denied an unknown face.
    personId: Type.Optional(OpaqueId('the person the gate matched in its synced library')),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    decision: StringEnum(['granted', 'denied'] as const),
    reason: Type.Optional(ShortText(200)),
  },
  { title: 'AccessFaceLocalData' },
);

export const AccessQrDataSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 1024, description: 'rotating resident code or visitor pass' }) },
  { title: 'AccessQrData' },
);

export const DoorStateDataSchema = Type.Object({ state: StringEnum(['open', 'closed'] as const) }, { title: 'DoorStateData' });

export const AlarmDataSchema = Type.Object(
  { kind: StringEnum(['forced_open', 'held_open', 'tamper'] as const), detail: Type.Optional(ShortText(500)) },
  { title: 'AlarmData' },
);

export const PAIRING_CODE_PATTERN = '^[0-9]{6}$';
export const MAC_PATTERN = '^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$';

export const BtConnectedDataSchema = Type.Object(
  {
    sessionId: OpaqueId(),
    code: Type.String({ pattern: PAIRING_CODE_PATTERN, description: 'the pairing code the phone used' }),
    phoneMac: Type.String({ pattern: MAC_PATTERN }),
  },
  { title: 'BtConnectedData' },
);

export const BT_DISCONNECT_REASONS = ['user', 'kicked', 'timeout', 'out_of_range'] as const;
export const BtDisconnectedDataSchema = Type.Object(
  { sessionId: OpaqueId(), reason: StringEnum(BT_DISCONNECT_REASONS) },
  { title: 'BtDisconnectedData' },
);

export const PLAYBACK_STATES = ['playing', 'paused', 'idle'] as const;
export const PlaybackDataSchema = Type.Object(
  { state: StringEnum(PLAYBACK_STATES), title: Type.Optional(ShortText(300)), artist: Type.Optional(ShortText(300)) },
  { title: 'PlaybackData' },
);

export const VolumeDataSchema = Type.Object({ level: Percent() }, { title: 'VolumeData' });

// Backend extension (docs/protocol-extensions.md): how an announcement ended on the speaker, so the
// backend need not guess "played" from its expected duration.
export const ANNOUNCEMENT_PLAYED_STATUSES = ['played', 'interrupted', 'failed'] as const;
export const AnnouncementPlayedDataSchema = Type.Object(
  {
    announcementId: OpaqueId('the announcementId of the speaker.announce command'),
    commandId: Type.Optional(Uuid('the id of that speaker.announce command')),
    status: StringEnum(ANNOUNCEMENT_PLAYED_STATUSES, 'played to its end, cut short (emergency, stop), or could not be played'),
    detail: Type.Optional(ShortText(200)),
  },
  { title: 'AnnouncementPlayedData' },
);

function checkAccessFace(data: Static<typeof AccessFaceDataSchema>): string | null {
  const expected = base64LengthForDim(data.dim);
  if (data.embedding.length !== expected) {
    return `data.embedding: has ${data.embedding.length} base64 characters, ${expected} expected for dim ${data.dim}`;
  }
  if (!isStandardBase64(data.embedding)) return 'data.embedding: is not standard base64';
  return null;
}

/**
 * The event registry: type → data schema and metadata. Adding an event type = adding an entry here
 * (its validator is compiled with the others, the AsyncAPI document picks it up).
 */
export const DEVICE_EVENTS = {
  'access.face': registryEntry({
    schema: AccessFaceDataSchema,
    kinds: ['gate'],
    summary: 'A face was captured; the backend answers with exactly one gate.open or gate.deny (requestId = event id).',
    check: checkAccessFace,
  }),
  'access.face_local': registryEntry({
    schema: AccessFaceLocalDataSchema,
    kinds: ['gate'],
    summary: 'The gate decided by itself from its synced face library; recorded, not answered.',
  }),
  'access.qr': registryEntry({
    schema: AccessQrDataSchema,
    kinds: ['gate'],
    summary: 'A QR code was shown; answered like access.face.',
  }),
  'door.state': registryEntry({ schema: DoorStateDataSchema, kinds: ['gate'], summary: 'The door opened or closed.' }),
  alarm: registryEntry({ schema: AlarmDataSchema, kinds: ['gate'], summary: 'Forced open, held open or tamper.' }),
  'bt.connected': registryEntry({
    schema: BtConnectedDataSchema,
    kinds: ['speaker'],
    summary: "A phone paired using the session's code.",
  }),
  'bt.disconnected': registryEntry({ schema: BtDisconnectedDataSchema, kinds: ['speaker'], summary: 'The phone left.' }),
  playback: registryEntry({ schema: PlaybackDataSchema, kinds: ['speaker'], summary: 'Playback state changed.' }),
  volume: registryEntry({ schema: VolumeDataSchema, kinds: ['speaker'], summary: 'The volume changed.' }),
  'announcement.played': registryEntry({
    schema: AnnouncementPlayedDataSchema,
    kinds: ['speaker'],
    summary: 'Extension: an announcement stopped playing (played out, interrupted or failed).',
  }),
} as const;

export type DeviceEventType = keyof typeof DEVICE_EVENTS;
export type DeviceEventDataMap = { [K in DeviceEventType]: Static<(typeof DEVICE_EVENTS)[K]['schema']> };
export type DeviceEventData<K extends DeviceEventType> = DeviceEventDataMap[K];

/** A parsed, valid event; narrowed by `type`. */
export type DeviceEvent<K extends DeviceEventType = DeviceEventType> = {
  [P in K]: { id: string; type: P; ts: string; data: DeviceEventDataMap[P] };
}[K];

export const DEVICE_EVENT_TYPES = Object.keys(DEVICE_EVENTS) as DeviceEventType[];

export function isDeviceEventType(type: string): type is DeviceEventType {
  return Object.prototype.hasOwnProperty.call(DEVICE_EVENTS, type);
}
