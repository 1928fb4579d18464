import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../device/schema-primitives';
import { SUBSCRIPTION_TOPICS } from './realtime-events';

// Schemas of what clients send over the socket. Unknown fields are stripped by the shared ajv
// instance (removeAdditional), never passed on to handlers.

/** Ids that end up in room names: device ids (`speaker-3f9a…`), uuids, slugs. No separators, no spaces. */
export const ROOM_ID_PATTERN = '^[A-Za-z0-9_-]{1,128}$';

export const SubscribeRequestSchema = Type.Object(
  {
    topic: StringEnum(SUBSCRIPTION_TOPICS, 'what to follow'),
    id: Type.String({ pattern: ROOM_ID_PATTERN, description: 'the id of that speaker, zone, ticket or announcement' }),
  },
  { title: 'SubscribeRequest' },
);

export const AlarmAckRequestSchema = Type.Object(
  {
    alarmId: Type.String({ pattern: ROOM_ID_PATTERN }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'AlarmAckRequest' },
);

export const SnapshotRequestSchema = Type.Object({}, { title: 'SnapshotRequest' });

export type SubscribeRequestMessage = Static<typeof SubscribeRequestSchema>;
export type AlarmAckRequestMessage = Static<typeof AlarmAckRequestSchema>;
