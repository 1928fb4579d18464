import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Percent } from './schema-primitives';

// ROOT/devices/<id>/config, retained, QoS 1: the desired configuration. `version` only grows; a
// device keeps the highest version it has seen and reports it in telemetry.

export const HH_MM_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export const QuietHoursSchema = Type.Object(
  {
    from: Type.String({ pattern: HH_MM_PATTERN, description: 'local time HH:MM' }),
    to: Type.String({ pattern: HH_MM_PATTERN, description: 'local time HH:MM; may be earlier than from (spans midnight)' }),
    volumeCap: Percent(),
    tz: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' }),
  },
  { title: 'QuietHours' },
);

export const DeviceConfigSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    ts: Type.Optional(IsoDateTime()),
    // speaker
    volumeCap: Type.Optional(Percent()),
    quietHours: Type.Optional(QuietHoursSchema),
    maxSessionMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
  },
  { title: 'DeviceConfig' },
);

export type QuietHours = Static<typeof QuietHoursSchema>;
export type DeviceConfig = Static<typeof DeviceConfigSchema>;

const validZones = new Map<string, boolean>();

/** True when Intl knows the IANA zone (cached: config parsing is not hot, but zones repeat). */
export function isValidTimeZone(tz: string): boolean {
  let ok = validZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (validZones.size < 1000) validZones.set(tz, ok);
  }
  return ok;
}

export function checkDeviceConfig(config: DeviceConfig): string | null {
  if (config.quietHours && !isValidTimeZone(config.quietHours.tz)) {
    return `quietHours.tz: "${config.quietHours.tz}" is not a known IANA time zone`;
  }
  return null;
}
