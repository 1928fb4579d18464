// A site's working calendar and business-time arithmetic. Working hours are wall-clock times in the
// site's IANA zone, so DST changes and holidays are handled by walking real local days with luxon.
import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One working interval of a day, wall clock 'HH:mm'; `to` may be '24:00'. An interval never crosses midnight. */
export interface WorkingInterval {
  from: string;
  to: string;
}

/** Treat a calendar as immutable once used: its compiled form is cached per object. */
export interface BusinessCalendar {
  /** IANA zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Working intervals per weekday, in order; a missing or empty day is closed. */
  week: Partial<Record<Weekday, readonly WorkingInterval[]>>;
  /** Local dates 'YYYY-MM-DD' that are closed whatever the weekday. */
  holidays?: readonly string[];
  /** Local dates 'YYYY-MM-DD' that are working days whatever the weekday (China's 调休 make-up days). */
  makeUpWorkdays?: readonly string[];
  /** Hours of a make-up day; Monday's hours when absent. */
  makeUpHours?: readonly WorkingInterval[];
}

/**
 * The default site calendar: Asia/Shanghai, Monday–Friday 09:00–18:00 and Saturday 09:00–12:00 (the
 * property office's usual opening), Sunday closed, no holidays. Each site sets its own holidays and
 * make-up days every year; emergencies, security and noise run 24/7 regardless (see the SLA table).
 */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  week: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
    sat: [{ from: '09:00', to: '12:00' }],
  },
  holidays: [],
  makeUpWorkdays: [],
};

const MINUTE_MS = 60_000;
// How far the arithmetic looks for working time before declaring the calendar unusable.
const MAX_DAYS_SCANNED = 366 * 5;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Everything wrong with a calendar (empty when it is usable). */
export function validateBusinessCalendar(cal: BusinessCalendar): string[] {
  const errors: string[] = [];
  if (!DateTime.local().setZone(cal.timeZone).isValid) errors.push(`timeZone: '${cal.timeZone}' is not an IANA time zone`);
  const checkIntervals = (where: string, list: readonly WorkingInterval[]) => {
    let lastEnd = -1;
    list.forEach((iv, i) => {
      if (!HHMM.test(iv.from) || !HHMM.test(iv.to) || iv.from === '24:00') {
        errors.push(`${where}[${i}]: times must be 'HH:mm' (got '${iv.from}'–'${iv.to}')`);
        return;
      }
      const from = minutesOfDay(iv.from);
      const to = minutesOfDay(iv.to);
      if (to <= from) errors.push(`${where}[${i}]: '${iv.from}'–'${iv.to}' must end after it starts (split intervals at midnight)`);
      if (from < lastEnd) errors.push(`${where}[${i}]: overlaps or is out of order`);
      lastEnd = Math.max(lastEnd, to);
    });
  };
  for (const day of Object.keys(cal.week)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) errors.push(`week.${day}: not a weekday (use ${WEEKDAYS.join(', ')})`);
  }
  for (const day of WEEKDAYS) checkIntervals(`week.${day}`, cal.week[day] ?? []);
  if (cal.makeUpHours) checkIntervals('makeUpHours', cal.makeUpHours);
  const checkDates = (where: string, dates: readonly string[]) =>
    dates.forEach((d, i) => {
      if (!ISO_DATE.test(d) || !DateTime.fromISO(d, { zone: 'UTC' }).isValid) errors.push(`${where}[${i}]: '${d}' is not a date 'YYYY-MM-DD'`);
    });
  checkDates('holidays', cal.holidays ?? []);
  checkDates('makeUpWorkdays', cal.makeUpWorkdays ?? []);
  const holidays = new Set(cal.holidays ?? []);
  for (const d of cal.makeUpWorkdays ?? []) if (holidays.has(d)) errors.push(`makeUpWorkdays: '${d}' is also a holiday`);
  const hasWeeklyTime = WEEKDAYS.some((d) => (cal.week[d] ?? []).length > 0);
  if (!hasWeeklyTime) errors.push('week: at least one weekday needs working hours');
  return errors;
}

function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

interface CompiledCalendar {
  zone: string;
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>; // index 0 = Monday, minutes of day
  holidays: ReadonlySet<string>;
  makeUp: ReadonlySet<string>;
  makeUpHours: ReadonlyArray<readonly [number, number]>;
  /** Resolved local days by 'YYYY-MM-DD' (luxon zone math is the slow part; a due-time walk revisits days). */
  days: Map<string, LocalDay>;
}

interface LocalDay {
  /** Local midnight as epoch ms. */
  start: number;
  /** Working intervals as epoch-ms half-open ranges [start, end). */
  intervals: ReadonlyArray<readonly [number, number]>;
  next: string;
}

const MAX_CACHED_DAYS = 20_000;

// Calendars are plain config objects that rarely change; compile each once.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(cal: BusinessCalendar): CompiledCalendar {
  const hit = compiled.get(cal);
  if (hit) return hit;
  const errors = validateBusinessCalendar(cal);
  if (errors.length > 0) throw new Error(`invalid business calendar: ${errors.join('; ')}`);
  const toPairs = (list: readonly WorkingInterval[] | undefined) =>
    (list ?? []).map((iv) => [minutesOfDay(iv.from), minutesOfDay(iv.to)] as const);
  const week = WEEKDAYS.map((d) => toPairs(cal.week[d]));
  const result: CompiledCalendar = {
    zone: cal.timeZone,
    week,
    holidays: new Set(cal.holidays ?? []),
    makeUp: new Set(cal.makeUpWorkdays ?? []),
    makeUpHours: cal.makeUpHours ? toPairs(cal.makeUpHours) : week[0],
    days: new Map(),
  };
  compiled.set(cal, result);
  return result;
}

/** The local date ('YYYY-MM-DD') that contains the instant. */
function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() as string;
}

function wallClock(c: CompiledCalendar, date: { year: number; month: number; day: number }, minuteOfDay: number): number {
  // A wall time skipped by a spring-forward gap is moved forward by luxon (02:30 -> 03:30); an
  // ambiguous autumn time resolves to one of its two instants. Both keep intervals well-ordered.
  return DateTime.fromObject({ ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, { zone: c.zone }).toMillis();
}

function localDay(c: CompiledCalendar, date: string): LocalDay {
  const hit = c.days.get(date);
  if (hit) return hit;
  // Calendar arithmetic on the date itself (UTC noon avoids any zone effect), zone math only for instants.
  const noon = new Date(`${date}T12:00:00Z`);
  const ymd = { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
  const weekdayIndex = (noon.getUTCDay() + 6) % 7; // Monday = 0
  const nextNoon = new Date(noon.getTime() + 86_400_000);
  const next = nextNoon.toISOString().slice(0, 10);
  const nextYmd = { year: nextNoon.getUTCFullYear(), month: nextNoon.getUTCMonth() + 1, day: nextNoon.getUTCDate() };
  let pairs: ReadonlyArray<readonly [number, number]>;
  if (c.holidays.has(date)) pairs = [];
  else if (c.makeUp.has(date)) pairs = c.makeUpHours;
  else pairs = c.week[weekdayIndex];
  const intervals: Array<[number, number]> = [];
  for (const [from, to] of pairs) {
    const s = wallClock(c, ymd, from);
    // 24:00 is the next local midnight, not 24 hours after this one (which a DST day would break).
    const e = to === 24 * 60 ? wallClock(c, nextYmd, 0) : wallClock(c, ymd, to);
    if (e > s) intervals.push([s, e]);
  }
  const day: LocalDay = { start: wallClock(c, ymd, 0), intervals, next };
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(date, day);
  return day;
}

/** The working intervals of a local date ('YYYY-MM-DD'), as Dates. */
export function workingIntervalsOn(localDate: string, cal: BusinessCalendar): Array<{ start: Date; end: Date }> {
  const c = compile(cal);
  if (!ISO_DATE.test(localDate) || !DateTime.fromISO(localDate, { zone: 'UTC' }).isValid) throw new RangeError(`not a date: '${localDate}'`);
  return localDay(c, localDate).intervals.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

export function isWorkingTime(at: Date, cal: BusinessCalendar): boolean {
  const c = compile(cal);
  const ms = at.getTime();
  return localDay(c, localDateOf(ms, c.zone)).intervals.some(([s, e]) => ms >= s && ms < e);
}

/** `at` itself when it is working time, else the next opening. */
export function nextWorkingTime(at: Date, cal: BusinessCalendar): Date {
  const c = compile(cal);
  const ms = at.getTime();
  let date = localDateOf(ms, c.zone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const day = localDay(c, date);
    for (const [s, e] of day.intervals) if (e > ms) return new Date(Math.max(s, ms));
    date = day.next;
  }
  throw new Error(`no working time within ${MAX_DAYS_SCANNED} days of ${at.toISOString()}`);
}

/**
 * The earliest instant at which `ms` milliseconds of working time have passed since `start`.
 * Starting outside working hours counts from the next opening; a result that lands exactly on the
 * end of an interval stays there (17:00 + 60 min = 18:00, not 09:00 the next day).
 */
export function addBusinessMs(start: Date, ms: number, cal: BusinessCalendar): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`duration must be a non-negative number of ms, got ${ms}`);
  if (ms === 0) return new Date(start.getTime());
  const c = compile(cal);
  const cursor = start.getTime();
  let remaining = ms;
  let date = localDateOf(cursor, c.zone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const day = localDay(c, date);
    for (const [s, e] of day.intervals) {
      if (e <= cursor) continue;
      const from = Math.max(s, cursor);
      const available = e - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
    date = day.next;
  }
  throw new Error(`no working time within ${MAX_DAYS_SCANNED} days of ${start.toISOString()}`);
}

export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  return addBusinessMs(start, minutes * MINUTE_MS, cal);
}

/** Working milliseconds in [a, b); negative when b is before a. */
export function businessMsBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMsBetween(b, a, cal);
  const c = compile(cal);
  let total = 0;
  for (let day = localDay(c, localDateOf(from, c.zone)); day.start < to; day = localDay(c, day.next)) {
    for (const [s, e] of day.intervals) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Working minutes in [a, b) (fractional when a or b is not on a whole minute). */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  return businessMsBetween(a, b, cal) / MINUTE_MS;
}
