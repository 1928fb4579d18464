import { Type, type Static } from '@sinclair/typebox';
import { GATE_MODES } from './command-schemas';
import { PLAYBACK_STATES } from './event-schemas';
import { IsoDateTime, Nullable, OpaqueId, Percent, StringEnum } from './schema-primitives';

// ROOT/devices/<id>/telemetry, QoS 0, every ≤ 30 s. Common fields plus optional per-kind state;
// configVersion is what the device has applied, so the backend can show drift from the desired one.

export const DeviceTelemetrySchema = Type.Object(
  {
    ts: IsoDateTime(),
    configVersion: Type.Integer({ minimum: 0, description: 'applied config version, 0 when none' }),
    uptimeS: Type.Optional(Type.Integer({ minimum: 0 })),
    battery: Type.Optional(Nullable(Percent('null when mains-powered'))),
    rssi: Type.Optional(Type.Integer({ minimum: -150, maximum: 0, description: 'dBm' })),
    outboxSize: Type.Optional(Type.Integer({ minimum: 0, description: 'events not yet acknowledged by the broker' })),
    // gate
    door: Type.Optional(StringEnum(['open', 'closed'] as const)),
    mode: Type.Optional(StringEnum(GATE_MODES)),
    facelibVersion: Type.Optional(Type.Integer({ minimum: 0 })),
    facelibSize: Type.Optional(Type.Integer({ minimum: 0 })),
    // speaker
    volume: Type.Optional(Percent()),
    volumeCap: Type.Optional(Percent()),
    playback: Type.Optional(StringEnum(PLAYBACK_STATES)),
    sessionId: Type.Optional(Nullable(OpaqueId())),
  },
  { title: 'DeviceTelemetry' },
);

export type DeviceTelemetry = Static<typeof DeviceTelemetrySchema>;
