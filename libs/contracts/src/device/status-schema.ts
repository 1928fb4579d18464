import { Type, type Static } from '@sinclair/typebox';
import { DeviceKindSchema, IsoDateTime } from './schema-primitives';

// ROOT/devices/<id>/status, retained. Birth when the device connects; the Last Will (or a graceful
// goodbye) says offline. Two schemas picked by `online` rather than one anyOf: clear errors, and
// stripping unknown fields stays unambiguous.

export const DeviceBirthSchema = Type.Object(
  {
    online: Type.Literal(true),
    kind: DeviceKindSchema,
    fw: Type.String({ minLength: 1, maxLength: 64, description: 'firmware version' }),
    ts: IsoDateTime('when the device connected, by its clock'),
  },
  { title: 'DeviceBirth' },
);

export const DeviceWillSchema = Type.Object(
  {
    online: Type.Literal(false),
    // The Last Will is fixed at connect time, so it usually has no timestamp; a graceful goodbye may.
    ts: Type.Optional(IsoDateTime()),
  },
  { title: 'DeviceWill' },
);

export type DeviceBirth = Static<typeof DeviceBirthSchema>;
export type DeviceWill = Static<typeof DeviceWillSchema>;
export type DeviceStatus = DeviceBirth | DeviceWill;
