import { DateTime, Info } from 'luxon';

// Epoch milliseconds: every domain time is a plain number so states and effects survive JSON.
export type EpochMs = number;
export type Instant = Date | EpochMs;

// ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering).
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// A wall-clock window repeating every (listed) day in a zone, e.g. quiet hours 22:00–07:00.
// `to` <= `from` means the window crosses midnight; `to` may be "24:00"; from == to is empty.
// `days` filters by the local weekday on which an occurrence starts.
export interface DailyWindow {
  readonly from: string;
  readonly to: string;
  readonly days?: readonly IsoWeekday[];
}

export interface WindowOccurrence {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

export function toEpochMs(at: Instant): EpochMs {
  return typeof at === 'number' ? at : at.getTime();
}

export function isValidClock(value: string, allowEndOfDay = false): boolean {
  return CLOCK.test(value) || (allowEndOfDay && value === '24:00');
}

export function isValidTimeZone(zone: string): boolean {
  return Info.isValidIANAZone(zone);
}

// "HH:mm" -> minutes after local midnight ("24:00" -> 1440).
export function parseClock(value: string): number {
  if (value === '24:00') return MINUTES_PER_DAY;
  const match = CLOCK.exec(value);
  if (!match) throw new RangeError(`invalid clock time "${value}", expected HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function validateDailyWindow(window: DailyWindow, label: string): string[] {
  const problems: string[] = [];
  if (!isValidClock(window.from)) problems.push(`${label}.from must be HH:mm, got "${window.from}"`);
  if (!isValidClock(window.to, true)) problems.push(`${label}.to must be HH:mm or 24:00, got "${window.to}"`);
  for (const day of window.days ?? []) {
    if (!Number.isInteger(day) || day < 1 || day > 7) problems.push(`${label}.days holds ${day}, expected 1..7`);
  }
  return problems;
}

export function isEmptyWindow(window: DailyWindow): boolean {
  return parseClock(window.from) === parseClock(window.to) || (window.days !== undefined && window.days.length === 0);
}

// The occurrence of the window that contains `at`, if any.
export function occurrenceAt(window: DailyWindow, zone: string, at: Instant): WindowOccurrence | null {
  const now = toEpochMs(at);
  const today = localDateOf(now, zone);
  for (const offset of [-1, 0]) {
    const occurrence = occurrenceStartingOn(window, zone, addDays(today, offset));
    if (occurrence && occurrence.start <= now && now < occurrence.end) return occurrence;
  }
  return null;
}

export function isWithinWindow(window: DailyWindow, zone: string, at: Instant): boolean {
  return occurrenceAt(window, zone, at) !== null;
}

// First occurrence start strictly after `at` (null when the window never occurs).
export function nextWindowStart(window: DailyWindow, zone: string, at: Instant): EpochMs | null {
  const now = toEpochMs(at);
  return firstAfter(window, zone, now, (occurrence) => occurrence.start);
}

// First occurrence end strictly after `at` (null when the window never occurs).
export function nextWindowEnd(window: DailyWindow, zone: string, at: Instant): EpochMs | null {
  const now = toEpochMs(at);
  return firstAfter(window, zone, now, (occurrence) => occurrence.end);
}

function firstAfter(
  window: DailyWindow,
  zone: string,
  now: EpochMs,
  pick: (occurrence: WindowOccurrence) => EpochMs,
): EpochMs | null {
  if (isEmptyWindow(window)) return null;
  const today = localDateOf(now, zone);
  // Day filters can skip up to six days; one extra day covers windows that cross midnight.
  for (let offset = -1; offset <= 8; offset++) {
    const occurrence = occurrenceStartingOn(window, zone, addDays(today, offset));
    if (occurrence && pick(occurrence) > now) return pick(occurrence);
  }
  return null;
}

function occurrenceStartingOn(window: DailyWindow, zone: string, date: LocalDate): WindowOccurrence | null {
  const from = parseClock(window.from);
  const to = parseClock(window.to);
  if (from === to) return null;
  if (window.days && !window.days.includes(weekdayOf(date))) return null;
  const start = firstInstantAtLocal(date, from, zone);
  const end = to > from ? firstInstantAtLocal(date, to, zone) : firstInstantAtLocal(addDays(date, 1), to, zone);
  return { start, end };
}

// The first instant at which the local wall clock reads `minutes` (or later) on `date`.
// DST: a time inside a spring-forward gap maps to the transition instant; a repeated time
// (fall-back) maps to its first occurrence, so a window never starts twice in one night.
export function firstInstantAtLocal(date: LocalDate, minutes: number, zone: string): EpochMs {
  const base = addDays(date, Math.floor(minutes / MINUTES_PER_DAY));
  const rest = minutes % MINUTES_PER_DAY;
  const wall = Date.UTC(base.year, base.month - 1, base.day, Math.floor(rest / 60), rest % 60);
  const offsets = new Set([offsetAt(wall - 36 * 3_600_000, zone), offsetAt(wall + 36 * 3_600_000, zone), offsetAt(wall, zone)]);
  const matches = [...offsets]
    .map((offsetMinutes) => wall - offsetMinutes * 60_000)
    .filter((instant) => instant + offsetAt(instant, zone) * 60_000 === wall);
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: search for the offset change; wall-clock time is monotonic across it.
  const lowOffset = Math.min(...offsets);
  const highOffset = Math.max(...offsets);
  let lo = wall - highOffset * 60_000;
  let hi = wall - lowOffset * 60_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(mid, zone) * 60_000 >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function offsetAt(instant: EpochMs, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).offset;
}

export function localDateOf(at: Instant, zone: string): LocalDate {
  const local = DateTime.fromMillis(toEpochMs(at), { zone });
  return { year: local.year, month: local.month, day: local.day };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function weekdayOf(date: LocalDate): IsoWeekday {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as IsoWeekday;
}

// Start of the local calendar day containing `at`, and of the next one (for daily caps).
export function localDayBounds(at: Instant, zone: string): WindowOccurrence {
  const today = localDateOf(at, zone);
  return { start: firstInstantAtLocal(today, 0, zone), end: firstInstantAtLocal(addDays(today, 1), 0, zone) };
}
