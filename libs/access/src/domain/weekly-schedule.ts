// Weekly access windows in a site's IANA time zone, with holiday exceptions. Windows are wall-clock
// times, which is what people mean by "06:00-20:00" and what keeps DST safe: on the spring-forward
// night a 22:00-06:00 window simply lasts an hour less, on the fall-back night the repeated hour is
// inside or outside exactly as its wall-clock time says. Evaluated with luxon; no I/O.
import { DateTime } from 'luxon';

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * [from, to) in "HH:mm", local wall-clock time. `to` may be "24:00" (end of day). from > to means
 * the window crosses midnight and ends on the next day; it belongs to the day it starts on.
 */
export interface DailyWindow {
  from: string;
  to: string;
}

export interface WeeklyWindow extends DailyWindow {
  days: readonly IsoWeekday[];
}

/**
 * A local date whose windows replace the weekly ones: no windows (or none given) = closed all day.
 * Like weekly windows, a holiday's windows belong to the date they start on, so a Friday 22:00-06:00
 * shift still ends normally on a closed Saturday morning.
 */
export interface HolidayException {
  /** Local date, yyyy-MM-dd. */
  date: string;
  name?: string;
  windows?: readonly DailyWindow[];
}

export interface WeeklySchedule {
  windows: readonly WeeklyWindow[];
  holidays?: readonly HolidayException[];
}

export const ALL_WEEK: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

/** Open around the clock, holidays included. */
export const ALWAYS_OPEN: WeeklySchedule = { windows: [{ days: ALL_WEEK, from: '00:00', to: '24:00' }] };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since local midnight for "HH:mm" ("24:00" = 1440 when allowed), or NaN. */
function minutesOf(hhmm: string, allow24: boolean): number {
  if (allow24 && hhmm === '24:00') return 1440;
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && DateTime.now().setZone(timeZone).isValid;
}

/** Every problem with a schedule, for the API to return at once; [] when valid. */
export function validateWeeklySchedule(schedule: WeeklySchedule): string[] {
  const errors: string[] = [];
  const checkWindow = (w: DailyWindow, where: string): void => {
    const from = minutesOf(w.from, false);
    const to = minutesOf(w.to, true);
    if (Number.isNaN(from)) errors.push(`${where}.from must be HH:mm (00:00-23:59)`);
    if (Number.isNaN(to)) errors.push(`${where}.to must be HH:mm (00:00-24:00)`);
    if (!Number.isNaN(from) && from === to) errors.push(`${where} is empty (from equals to); use 00:00-24:00 for all day`);
  };
  schedule.windows.forEach((w, i) => {
    checkWindow(w, `windows[${i}]`);
    if (!w.days.length || w.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      errors.push(`windows[${i}].days must be a non-empty list of ISO weekdays 1-7`);
    }
  });
  const seen = new Set<string>();
  (schedule.holidays ?? []).forEach((h, i) => {
    if (!DATE.test(h.date) || !DateTime.fromISO(h.date).isValid) errors.push(`holidays[${i}].date must be yyyy-MM-dd`);
    else if (seen.has(h.date)) errors.push(`holidays[${i}].date ${h.date} is listed twice`);
    seen.add(h.date);
    (h.windows ?? []).forEach((w, j) => checkWindow(w, `holidays[${i}].windows[${j}]`));
  });
  return errors;
}

/**
 * Whether `at` falls inside the schedule in `timeZone`. Fails closed (false) for an invalid zone
 * or malformed windows: a bad configuration must not open doors.
 */
export function isWithinSchedule(schedule: WeeklySchedule, at: Date | number, timeZone: string): boolean {
  const local = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: timeZone });
  if (!local.isValid) return false;
  const minute = local.hour * 60 + local.minute;
  const today = local.toISODate()!;
  // Calendar arithmetic on the date alone (in UTC), so DST cannot shift "yesterday".
  const yesterday = DateTime.fromISO(today, { zone: 'utc' }).minus({ days: 1 });

  for (const w of windowsStartingOn(schedule, today, local.weekday as IsoWeekday)) {
    const from = minutesOf(w.from, false);
    const to = minutesOf(w.to, true);
    if (Number.isNaN(from) || Number.isNaN(to) || from === to) continue;
    if (from < to ? minute >= from && minute < to : minute >= from) return true;
  }
  for (const w of windowsStartingOn(schedule, yesterday.toISODate()!, yesterday.weekday as IsoWeekday)) {
    const from = minutesOf(w.from, false);
    const to = minutesOf(w.to, true);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    if (from > to && minute < to) return true; // the tail of last night's window
  }
  return false;
}

function windowsStartingOn(schedule: WeeklySchedule, isoDate: string, weekday: IsoWeekday): readonly DailyWindow[] {
  const holiday = schedule.holidays?.find((h) => h.date === isoDate);
  if (holiday) return holiday.windows ?? [];
  return schedule.windows.filter((w) => w.days.includes(weekday));
}
