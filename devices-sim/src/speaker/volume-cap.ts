import { DateTime } from 'luxon';
import type { QuietHours } from '@app/contracts';

/** True when `nowMs` falls inside the quiet hours in their time zone; from > to spans midnight. */
export function isWithinQuietHours(nowMs: number, quietHours: QuietHours): boolean {
  const local = DateTime.fromMillis(nowMs, { zone: quietHours.tz });
  if (!local.isValid) return false;
  const minute = local.hour * 60 + local.minute;
  const from = toMinutes(quietHours.from);
  const to = toMinutes(quietHours.to);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * The loudest the speaker may play now: the lowest of the cap sent with speaker.volume, the
 * configured volumeCap and, inside quiet hours, their cap.
 */
export function effectiveVolumeCap(
  nowMs: number,
  caps: { commandCap: number; configCap?: number; quietHours?: QuietHours },
): number {
  let cap = Math.min(100, caps.commandCap, caps.configCap ?? 100);
  if (caps.quietHours && isWithinQuietHours(nowMs, caps.quietHours)) cap = Math.min(cap, caps.quietHours.volumeCap);
  return Math.max(0, cap);
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
