import {
  DailyWindow,
  EpochMs,
  Instant,
  isValidClock,
  isValidTimeZone,
  isWithinWindow,
  localDayBounds,
  nextWindowEnd,
  nextWindowStart,
  toEpochMs,
  validateDailyWindow,
  WindowOccurrence,
} from './daily-window';
import { effectiveCap, MAX_VOLUME, MIN_VOLUME, VolumeLimits } from './volume';

export interface QuietHoursRule {
  readonly from: string;
  readonly to: string;
  // Cap while quiet hours are in force (for sessions if allowed, and for announcements/music).
  readonly volumeCap: number;
}

// Soft music a zone plays by itself in a time window when no resident session runs.
export interface BackgroundMusicSchedule extends DailyWindow {
  readonly volume: number;
  readonly playlist?: string | null;
}

export interface ZoneRules {
  readonly zoneId: string;
  // The site's IANA time zone; every wall-clock rule below is read in it.
  readonly timeZone: string;
  readonly volumeCap: number;
  // Staff ceiling on top of the caps (null = not locked).
  readonly volumeLock: number | null;
  // Level a new session starts at (still clamped to the cap in force).
  readonly defaultVolume: number;
  readonly quietHours: QuietHoursRule;
  readonly sessionsAllowedInQuietHours: boolean;
  readonly maxSessionMinutes: number;
  // null = open around the clock.
  readonly openingHours: DailyWindow | null;
  // Sessions a resident may start per local day (null = no cap).
  readonly dailySessionCap: number | null;
  readonly maxQueueLength: number;
  readonly backgroundMusic: readonly BackgroundMusicSchedule[];
}

export type ZoneRulesInput = Pick<ZoneRules, 'zoneId' | 'timeZone'> &
  Partial<Omit<ZoneRules, 'zoneId' | 'timeZone' | 'quietHours'>> & {
    readonly quietHours?: Partial<QuietHoursRule>;
  };

// PROTOCOL.md retained `config` payload for a speaker.
export interface SpeakerConfigPayload {
  readonly version: number;
  readonly volumeCap: number;
  readonly quietHours: { readonly from: string; readonly to: string; readonly volumeCap: number; readonly tz: string };
  readonly maxSessionMinutes: number;
}

export const DEFAULT_QUIET_HOURS: QuietHoursRule = { from: '22:00', to: '07:00', volumeCap: 25 };

export const ZONE_RULE_DEFAULTS = {
  volumeCap: 60,
  volumeLock: null,
  defaultVolume: 40,
  quietHours: DEFAULT_QUIET_HOURS,
  // Outdoor speakers sit next to homes: by default residents do not play at night.
  sessionsAllowedInQuietHours: false,
  maxSessionMinutes: 30,
  openingHours: null,
  dailySessionCap: 3,
  maxQueueLength: 20,
  backgroundMusic: [],
} as const satisfies Omit<ZoneRules, 'zoneId' | 'timeZone'>;

export class InvalidZoneRulesError extends Error {
  readonly code = 'SPEAKERS_INVALID_ZONE_RULES';
  constructor(readonly problems: readonly string[]) {
    super(`invalid zone rules: ${problems.join('; ')}`);
    this.name = 'InvalidZoneRulesError';
  }
}

export function createZoneRules(input: ZoneRulesInput): ZoneRules {
  const rules: ZoneRules = {
    ...ZONE_RULE_DEFAULTS,
    ...withoutUndefined(input),
    quietHours: { ...DEFAULT_QUIET_HOURS, ...withoutUndefined(input.quietHours ?? {}) },
    backgroundMusic: input.backgroundMusic ?? [],
  };
  const problems = validateZoneRules(rules);
  if (problems.length > 0) throw new InvalidZoneRulesError(problems);
  return rules;
}

// A field passed as undefined means "use the default", not "erase it".
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function validateZoneRules(rules: ZoneRules): string[] {
  const problems: string[] = [];
  const level = (value: number | null, label: string): void => {
    if (value === null) return;
    if (!Number.isInteger(value) || value < MIN_VOLUME || value > MAX_VOLUME) {
      problems.push(`${label} must be an integer ${MIN_VOLUME}..${MAX_VOLUME}, got ${value}`);
    }
  };
  const positiveInt = (value: number | null, label: string): void => {
    if (value !== null && (!Number.isInteger(value) || value < 1)) problems.push(`${label} must be a positive integer, got ${value}`);
  };
  if (!rules.zoneId) problems.push('zoneId is required');
  if (!isValidTimeZone(rules.timeZone)) problems.push(`timeZone "${rules.timeZone}" is not an IANA time zone`);
  level(rules.volumeCap, 'volumeCap');
  level(rules.volumeLock, 'volumeLock');
  level(rules.defaultVolume, 'defaultVolume');
  level(rules.quietHours.volumeCap, 'quietHours.volumeCap');
  if (!isValidClock(rules.quietHours.from)) problems.push(`quietHours.from must be HH:mm, got "${rules.quietHours.from}"`);
  if (!isValidClock(rules.quietHours.to)) problems.push(`quietHours.to must be HH:mm, got "${rules.quietHours.to}"`);
  positiveInt(rules.maxSessionMinutes, 'maxSessionMinutes');
  if (rules.maxSessionMinutes > 24 * 60) problems.push('maxSessionMinutes must be at most 1440');
  positiveInt(rules.dailySessionCap, 'dailySessionCap');
  positiveInt(rules.maxQueueLength, 'maxQueueLength');
  if (rules.openingHours) problems.push(...validateDailyWindow(rules.openingHours, 'openingHours'));
  rules.backgroundMusic.forEach((schedule, index) => {
    problems.push(...validateDailyWindow(schedule, `backgroundMusic[${index}]`));
    level(schedule.volume, `backgroundMusic[${index}].volume`);
  });
  return problems;
}

function quietWindow(zone: ZoneRules): DailyWindow {
  return { from: zone.quietHours.from, to: zone.quietHours.to };
}

export function isQuietHours(zone: ZoneRules, now: Instant): boolean {
  return isWithinWindow(quietWindow(zone), zone.timeZone, now);
}

export function isOpen(zone: ZoneRules, now: Instant): boolean {
  return zone.openingHours === null || isWithinWindow(zone.openingHours, zone.timeZone, now);
}

// Whether a resident session may run (or start) at this moment.
export function sessionsAllowedAt(zone: ZoneRules, now: Instant): boolean {
  return isOpen(zone, now) && (zone.sessionsAllowedInQuietHours || !isQuietHours(zone, now));
}

export function nextQuietStart(zone: ZoneRules, now: Instant): EpochMs | null {
  return nextWindowStart(quietWindow(zone), zone.timeZone, now);
}

export function nextQuietEnd(zone: ZoneRules, now: Instant): EpochMs | null {
  return nextWindowEnd(quietWindow(zone), zone.timeZone, now);
}

export function nextOpening(zone: ZoneRules, now: Instant): EpochMs | null {
  return zone.openingHours === null ? null : nextWindowStart(zone.openingHours, zone.timeZone, now);
}

export function nextClosing(zone: ZoneRules, now: Instant): EpochMs | null {
  return zone.openingHours === null ? null : nextWindowEnd(zone.openingHours, zone.timeZone, now);
}

export function volumeLimits(zone: ZoneRules, now: Instant): VolumeLimits {
  return {
    zoneCap: zone.volumeCap,
    quietCap: isQuietHours(zone, now) ? zone.quietHours.volumeCap : null,
    staffLock: zone.volumeLock,
  };
}

// The caps with quiet hours as a speaker last applied them (not the raw clock), so a quiet-hours
// switch that lands a moment early or late still clamps consistently.
export function appliedVolumeLimits(zone: ZoneRules, quiet: boolean): VolumeLimits {
  return { zoneCap: zone.volumeCap, quietCap: quiet ? zone.quietHours.volumeCap : null, staffLock: zone.volumeLock };
}

export function effectiveVolumeCap(zone: ZoneRules, now: Instant): number {
  return effectiveCap(volumeLimits(zone, now)).cap;
}

// A session starting at `start` ends after maxSessionMinutes, or earlier when the zone closes
// or quiet hours that forbid sessions begin — the resident then gets the usual warning.
export function latestSessionEnd(zone: ZoneRules, start: Instant): EpochMs {
  const from = toEpochMs(start);
  const candidates = [from + zone.maxSessionMinutes * 60_000];
  if (!zone.sessionsAllowedInQuietHours) {
    const quiet = nextQuietStart(zone, from);
    if (quiet !== null) candidates.push(quiet);
  }
  const closing = nextClosing(zone, from);
  if (closing !== null) candidates.push(closing);
  return Math.min(...candidates);
}

// The first moment at or after `now` when sessions are allowed again (null: never).
export function nextSessionsAllowedAt(zone: ZoneRules, now: Instant): EpochMs | null {
  let at: EpochMs | null = toEpochMs(now);
  // Quiet hours and opening hours can each push the other; a few hops settle any real schedule.
  for (let hop = 0; hop < 8 && at !== null; hop++) {
    if (sessionsAllowedAt(zone, at)) return at;
    at = !isOpen(zone, at) ? nextOpening(zone, at) : nextQuietEnd(zone, at);
  }
  return null;
}

// Local-day bounds in the site time zone, for counting a resident's sessions against the daily cap.
export function sessionDay(zone: ZoneRules, now: Instant): WindowOccurrence {
  return localDayBounds(now, zone.timeZone);
}

export function speakerConfigFor(zone: ZoneRules, version: number): SpeakerConfigPayload {
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`config version must be a positive integer, got ${version}`);
  const dayCap = effectiveCap({ zoneCap: zone.volumeCap, staffLock: zone.volumeLock }).cap;
  return {
    version,
    volumeCap: dayCap,
    quietHours: {
      from: zone.quietHours.from,
      to: zone.quietHours.to,
      volumeCap: Math.min(dayCap, zone.quietHours.volumeCap),
      tz: zone.timeZone,
    },
    maxSessionMinutes: zone.maxSessionMinutes,
  };
}
