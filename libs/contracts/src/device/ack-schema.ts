import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './schema-primitives';

// ROOT/devices/<id>/acks, QoS 1: the result of one command. PROTOCOL.md shows `ts` on success only,
// so it is optional. `data` is a free-form result (facelib.sync puts the version it now holds in
// data.version); it is not stripped because acks are not typed per command.

export const ACK_ERROR_CODE_PATTERN = '^[A-Z][A-Z0-9_]{0,63}$';

export const AckErrorSchema = Type.Object(
  {
    code: Type.String({ pattern: ACK_ERROR_CODE_PATTERN, description: 'EXPIRED, UNSUPPORTED, INVALID, …' }),
    message: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'AckError' },
);

export const DeviceAckSchema = Type.Object(
  {
    commandId: Uuid(),
    ok: Type.Boolean(),
    ts: Type.Optional(IsoDateTime()),
    error: Type.Optional(AckErrorSchema),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'command-specific result' })),
  },
  { title: 'DeviceAck' },
);

export type AckError = Static<typeof AckErrorSchema>;
export type DeviceAck = Static<typeof DeviceAckSchema>;

export function checkDeviceAck(ack: DeviceAck): string | null {
  if (!ack.ok && !ack.error) return 'error: is required when ok is false';
  if (ack.ok && ack.error) return 'error: must be absent when ok is true';
  return null;
}
