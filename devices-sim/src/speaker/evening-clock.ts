import { DateTime } from 'luxon';

// The compressed evening of the leisure-evening scenario: quiet hours start on a whole minute (zone
// rules are HH:mm) at least `eveningMs` from now, in the site's time zone.

export interface EveningClock {
  /** When quiet hours begin (epoch ms). */
  quietAt: number;
  /** Quiet hours as zone rules want them. */
  quietHours: { from: string; to: string };
}

export function eveningClock(now: number, eveningMs: number, timeZone: string, quietMinutes = 60): EveningClock {
  const start = DateTime.fromMillis(now + eveningMs, { zone: timeZone });
  const rounded = start.second === 0 && start.millisecond === 0 ? start : start.startOf('minute').plus({ minutes: 1 });
  return {
    quietAt: rounded.toMillis(),
    quietHours: { from: rounded.toFormat('HH:mm'), to: rounded.plus({ minutes: quietMinutes }).toFormat('HH:mm') },
  };
}

/** "+mm:ss" since the start of the scenario, for its timeline. */
export function elapsed(since: number, at: number): string {
  const s = Math.max(0, Math.round((at - since) / 1000));
  return `+${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
