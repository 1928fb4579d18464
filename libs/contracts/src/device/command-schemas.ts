import { Type, type Static } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import { PAIRING_CODE_PATTERN, EVENT_TYPE_PATTERN } from './event-schemas';
import type { MessageRegistryEntry } from './message-registry-entry';
import { IsoDateTime, Nullable, OpaqueId, OpenObject, Percent, ShortText, StringEnum, Uuid } from './schema-primitives';

// Every backend → device command: the envelope and, per type, the schema of `data`, plus how long
// each kind of command may live. Short-lived commands (a door opening) are never queued for later;
// durable ones (facelib.sync) are retried by the backend until acked or superseded.

export const DeviceCommandEnvelopeSchema = Type.Object(
  {
    id: Uuid('the ack carries it back as commandId'),
    type: Type.String({ minLength: 1, maxLength: 64, pattern: EVENT_TYPE_PATTERN }),
    ts: IsoDateTime('when the backend issued it'),
    expiresAt: IsoDateTime('the device ignores the command after this instant and acks EXPIRED'),
    requestId: Type.Optional(Uuid('the event this command answers, if any')),
    data: OpenObject('type-specific, see the command type'),
  },
  { title: 'DeviceCommandEnvelope' },
);

export const GateOpenDataSchema = Type.Object(
  {
    durationMs: Type.Integer({ minimum: 500, maximum: 60_000, description: 'how long the door stays released' }),
    display: Type.Optional(ShortText(200)),
    personId: Type.Optional(OpaqueId()),
  },
  { title: 'GateOpenData' },
);

export const GATE_DENY_REASONS = [
  'unknown_face',
  'not_authorized',
  'outside_schedule',
  'pass_expired',
  'pass_used_up',
  'liveness_failed',
  'lockdown',
] as const;
export const GateDenyDataSchema = Type.Object(
  { reason: StringEnum(GATE_DENY_REASONS), display: Type.Optional(ShortText(200)) },
  { title: 'GateDenyData' },
);

export const GATE_MODES = ['normal', 'lockdown', 'emergency_open'] as const;
export type GateMode = (typeof GATE_MODES)[number];
export const GateModeDataSchema = Type.Object({ mode: StringEnum(GATE_MODES) }, { title: 'GateModeData' });

export const FacelibUpsertSchema = Type.Object(
  {
    personId: OpaqueId(),
    embedding: Type.String({ pattern: '^[A-Za-z0-9+/]+={0,2}$', description: 'base64 of float32 values, little-endian' }),
    validUntil: Nullable(IsoDateTime('null = no end')),
  },
  { title: 'FacelibUpsert' },
);

export const FacelibSyncDataSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 0, description: 'library version after applying this; only grows' }),
    full: Type.Boolean({ description: 'true: replace the whole library with upserts' }),
    upserts: Type.Array(FacelibUpsertSchema),
    removes: Type.Array(OpaqueId()),
    // Backend extension (docs/protocol-extensions.md): a full library too large for one message.
    chunk: Type.Optional(
      Type.Object(
        {
          index: Type.Integer({ minimum: 0, description: '0-based; chunk 0 starts a new staging' }),
          count: Type.Integer({ minimum: 1, description: 'chunks of this version; the library is replaced once all are in' }),
        },
        { title: 'FacelibSyncChunk', description: 'only with full: true; the held version advances with the last chunk' },
      ),
    ),
  },
  { title: 'FacelibSyncData' },
);

export const SpeakerPairingOpenDataSchema = Type.Object(
  {
    sessionId: OpaqueId(),
    code: Type.String({ pattern: PAIRING_CODE_PATTERN }),
    until: IsoDateTime('accept one phone with this code until then'),
  },
  { title: 'SpeakerPairingOpenData' },
);

export const SpeakerDisconnectDataSchema = Type.Object(
  { sessionId: OpaqueId(), reason: ShortText(200) },
  { title: 'SpeakerDisconnectData' },
);

export const SpeakerVolumeDataSchema = Type.Object(
  { level: Percent(), cap: Percent('the speaker never plays louder than this') },
  { title: 'SpeakerVolumeData' },
);

export const SpeakerAnnounceDataSchema = Type.Object(
  {
    announcementId: OpaqueId(),
    text: Type.Optional(ShortText(2000)),
    audioUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    priority: StringEnum(['normal', 'emergency'] as const, 'emergency interrupts whatever plays'),
  },
  { title: 'SpeakerAnnounceData' },
);

export const SpeakerStopDataSchema = Type.Object({}, { title: 'SpeakerStopData' });

// Backend extension (docs/protocol-extensions.md): the zone's background music. `play` carries the
// level and the cap like speaker.volume; `stop` silences the music only (not announcements).
export const SPEAKER_MUSIC_ACTIONS = ['play', 'stop'] as const;
export const SpeakerMusicDataSchema = Type.Object(
  {
    action: StringEnum(SPEAKER_MUSIC_ACTIONS),
    playlist: Type.Optional(ShortText(200, 'what to play; the speaker picks its own soft music when absent')),
    level: Type.Optional(Percent('play: the level to play at')),
    cap: Type.Optional(Percent('play: the speaker never plays louder than this')),
  },
  { title: 'SpeakerMusicData' },
);

/** Extra facts per command type on top of the registry entry. */
export interface CommandRegistryEntry<S extends TSchema = TSchema> extends MessageRegistryEntry<S> {
  /** Expiry used when the sender gives none. */
  readonly defaultTtlMs: number;
  /** Hard ceiling: buildCommand refuses a longer TTL (a door must never open late). */
  readonly maxTtlMs: number;
  /** Durable commands are retried until acked or superseded; short-lived ones never are. */
  readonly durable: boolean;
}

function commandEntry<S extends TSchema>(entry: CommandRegistryEntry<S>): CommandRegistryEntry<S> {
  return entry;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The command registry: type → data schema, TTLs and metadata. */
export const DEVICE_COMMANDS = {
  'gate.open': commandEntry({
    schema: GateOpenDataSchema,
    kinds: ['gate'],
    summary: 'Release the door for durationMs.',
    defaultTtlMs: 3 * SECOND,
    maxTtlMs: 10 * SECOND,
    durable: false,
  }),
  'gate.deny': commandEntry({
    schema: GateDenyDataSchema,
    kinds: ['gate'],
    summary: 'Show why entry was refused.',
    defaultTtlMs: 3 * SECOND,
    maxTtlMs: 10 * SECOND,
    durable: false,
  }),
  'gate.mode': commandEntry({
    schema: GateModeDataSchema,
    kinds: ['gate'],
    summary: 'Switch between normal, lockdown and emergency_open.',
    defaultTtlMs: 1 * MINUTE,
    maxTtlMs: 10 * MINUTE,
    durable: false,
  }),
  'facelib.sync': commandEntry({
    schema: FacelibSyncDataSchema,
    kinds: ['gate'],
    summary: "Keep the gate's local face library in step; the ack carries data.version it now holds.",
    defaultTtlMs: 1 * HOUR,
    maxTtlMs: 24 * HOUR,
    durable: true,
    check: (data) => (data.chunk && !data.full ? 'data.chunk: only a full library is sent in chunks' : data.chunk && data.chunk.index >= data.chunk.count ? 'data.chunk.index: must be below chunk.count' : null),
  }),
  'speaker.pairing.open': commandEntry({
    schema: SpeakerPairingOpenDataSchema,
    kinds: ['speaker'],
    summary: 'Accept one phone with this code until `until`.',
    defaultTtlMs: 30 * SECOND,
    maxTtlMs: 5 * MINUTE,
    durable: false,
  }),
  'speaker.disconnect': commandEntry({
    schema: SpeakerDisconnectDataSchema,
    kinds: ['speaker'],
    summary: 'Drop the phone of this session.',
    defaultTtlMs: 30 * SECOND,
    maxTtlMs: 5 * MINUTE,
    durable: false,
  }),
  'speaker.volume': commandEntry({
    schema: SpeakerVolumeDataSchema,
    kinds: ['speaker'],
    summary: 'Set the level; the speaker never plays louder than cap.',
    defaultTtlMs: 30 * SECOND,
    maxTtlMs: 5 * MINUTE,
    durable: false,
  }),
  'speaker.announce': commandEntry({
    schema: SpeakerAnnounceDataSchema,
    kinds: ['speaker'],
    summary: 'Play an announcement (text or audioUrl); emergency interrupts whatever plays.',
    defaultTtlMs: 1 * MINUTE,
    maxTtlMs: 10 * MINUTE,
    durable: false,
    check: (data) => (data.text === undefined && data.audioUrl === undefined ? 'data: needs text or audioUrl' : null),
  }),
  'speaker.stop': commandEntry({
    schema: SpeakerStopDataSchema,
    kinds: ['speaker'],
    summary: 'Stop whatever plays.',
    defaultTtlMs: 30 * SECOND,
    maxTtlMs: 5 * MINUTE,
    durable: false,
  }),
  'speaker.music': commandEntry({
    schema: SpeakerMusicDataSchema,
    kinds: ['speaker'],
    summary: "Extension: start (at level, under cap) or stop the zone's background music.",
    defaultTtlMs: 30 * SECOND,
    maxTtlMs: 5 * MINUTE,
    durable: false,
    check: (data) => (data.action === 'play' && (data.level === undefined || data.cap === undefined) ? 'data: play needs level and cap' : null),
  }),
} as const;

export type DeviceCommandType = keyof typeof DEVICE_COMMANDS;
export type DeviceCommandDataMap = { [K in DeviceCommandType]: Static<(typeof DEVICE_COMMANDS)[K]['schema']> };
export type DeviceCommandData<K extends DeviceCommandType> = DeviceCommandDataMap[K];

/** A command envelope; narrowed by `type`. */
export type DeviceCommand<K extends DeviceCommandType = DeviceCommandType> = {
  [P in K]: {
    id: string;
    type: P;
    ts: string;
    expiresAt: string;
    requestId?: string;
    data: DeviceCommandDataMap[P];
  };
}[K];

export const DEVICE_COMMAND_TYPES = Object.keys(DEVICE_COMMANDS) as DeviceCommandType[];

export function isDeviceCommandType(type: string): type is DeviceCommandType {
  return Object.prototype.hasOwnProperty.call(DEVICE_COMMANDS, type);
}

/** Default TTL per command type (ms). */
export const DEFAULT_COMMAND_TTL_MS: Readonly<Record<DeviceCommandType, number>> = Object.fromEntries(
  DEVICE_COMMAND_TYPES.map((t) => [t, DEVICE_COMMANDS[t].defaultTtlMs]),
) as Record<DeviceCommandType, number>;
