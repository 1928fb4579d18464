import {
  createZoneRules,
  DEFAULT_SESSION_TIMINGS,
  InvalidZoneRulesError,
  SessionTimings,
  ZONE_RULE_DEFAULTS,
  ZoneRules,
  ZoneRulesInput,
} from '../domain';

// The rules and timings of a zone as they arrive in an HTTP body: shapes are checked here (the
// domain validator assumes the right JSON types), values by the domain's createZoneRules.

export interface FieldProblem {
  field: string;
  reason: string;
}

export type StoredRules = Omit<ZoneRules, 'zoneId' | 'timeZone'>;

/** Body and storage names of the timing overrides, and the reducer timing each one sets. */
export const TIMING_FIELDS = {
  pairingSeconds: 'pairingMs',
  claimSeconds: 'claimMs',
  warningSeconds: 'warningMs',
  reconnectGraceSeconds: 'reconnectGraceMs',
} as const satisfies Record<string, keyof SessionTimings>;
export type TimingField = keyof typeof TIMING_FIELDS;
export type ZoneTimingsSeconds = Partial<Record<TimingField, number>>;

const RULE_KEYS = Object.keys(ZONE_RULE_DEFAULTS) as (keyof StoredRules)[];
const QUIET_KEYS = ['from', 'to', 'volumeCap'];
const WINDOW_KEYS = ['from', 'to', 'days'];
const MUSIC_KEYS = ['from', 'to', 'days', 'volume', 'playlist'];
const NULLABLE_RULES: (keyof StoredRules)[] = ['volumeLock', 'openingHours', 'dailySessionCap'];
const NUMBER_RULES: (keyof StoredRules)[] = ['volumeCap', 'volumeLock', 'defaultVolume', 'maxSessionMinutes', 'dailySessionCap', 'maxQueueLength'];

/** Bounds of the timing overrides, in seconds (a 5 s claim window is for drills and tests). */
export const TIMING_BOUNDS: Record<TimingField, { min: number; max: number }> = {
  pairingSeconds: { min: 5, max: 600 },
  claimSeconds: { min: 5, max: 600 },
  warningSeconds: { min: 5, max: 1800 },
  reconnectGraceSeconds: { min: 5, max: 600 },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], prefix: string): FieldProblem[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({ field: `${prefix}${key}`, reason: 'is not a zone rule' }));
}

function checkWindowShape(value: unknown, field: string, keys: readonly string[]): FieldProblem[] {
  if (!isObject(value)) return [{ field, reason: 'must be an object with from and to (HH:mm)' }];
  const problems = unknownKeys(value, keys, `${field}.`);
  for (const key of ['from', 'to']) {
    if (typeof value[key] !== 'string') problems.push({ field: `${field}.${key}`, reason: 'must be a string HH:mm' });
  }
  if (value.days !== undefined && !Array.isArray(value.days)) problems.push({ field: `${field}.days`, reason: 'must be an array of ISO weekdays 1..7' });
  return problems;
}

/** Shape problems of a (partial) rules object: unknown keys and wrong JSON types. */
export function rulesShapeProblems(body: unknown): FieldProblem[] {
  if (!isObject(body)) return [{ field: 'rules', reason: 'must be an object' }];
  const problems = unknownKeys(body, RULE_KEYS, 'rules.');
  for (const key of NUMBER_RULES) {
    const value = body[key];
    if (value === undefined || (value === null && NULLABLE_RULES.includes(key))) continue;
    if (typeof value !== 'number') problems.push({ field: `rules.${key}`, reason: NULLABLE_RULES.includes(key) ? 'must be a number or null' : 'must be a number' });
  }
  if (body.sessionsAllowedInQuietHours !== undefined && typeof body.sessionsAllowedInQuietHours !== 'boolean') {
    problems.push({ field: 'rules.sessionsAllowedInQuietHours', reason: 'must be a boolean' });
  }
  if (body.quietHours !== undefined) {
    if (!isObject(body.quietHours)) problems.push({ field: 'rules.quietHours', reason: 'must be an object' });
    else {
      problems.push(...unknownKeys(body.quietHours, QUIET_KEYS, 'rules.quietHours.'));
      for (const key of ['from', 'to']) {
        const value = body.quietHours[key];
        if (value !== undefined && typeof value !== 'string') problems.push({ field: `rules.quietHours.${key}`, reason: 'must be a string HH:mm' });
      }
      const cap = body.quietHours.volumeCap;
      if (cap !== undefined && typeof cap !== 'number') problems.push({ field: 'rules.quietHours.volumeCap', reason: 'must be a number' });
    }
  }
  if (body.openingHours !== undefined && body.openingHours !== null) problems.push(...checkWindowShape(body.openingHours, 'rules.openingHours', WINDOW_KEYS));
  if (body.backgroundMusic !== undefined) {
    if (!Array.isArray(body.backgroundMusic)) problems.push({ field: 'rules.backgroundMusic', reason: 'must be an array' });
    else if (body.backgroundMusic.length > 20) problems.push({ field: 'rules.backgroundMusic', reason: 'must hold at most 20 schedules' });
    else {
      body.backgroundMusic.forEach((schedule, index) => {
        const field = `rules.backgroundMusic[${index}]`;
        problems.push(...checkWindowShape(schedule, field, MUSIC_KEYS));
        if (isObject(schedule) && typeof schedule.volume !== 'number') problems.push({ field: `${field}.volume`, reason: 'must be a number' });
        if (isObject(schedule) && schedule.playlist !== undefined && schedule.playlist !== null && typeof schedule.playlist !== 'string') {
          problems.push({ field: `${field}.playlist`, reason: 'must be a string' });
        }
      });
    }
  }
  return problems;
}

export type RulesCheck = { ok: true; rules: StoredRules } | { ok: false; problems: FieldProblem[] };

/**
 * Merges a partial rules body over `base` (the zone's current rules, or the defaults) and validates
 * the result with the domain's rules. quietHours merges field by field; other keys replace.
 */
export function mergeZoneRules(base: StoredRules | null, body: unknown, timeZone: string): RulesCheck {
  const shape = rulesShapeProblems(body ?? {});
  if (shape.length) return { ok: false, problems: shape };
  const patch = (body ?? {}) as Partial<ZoneRulesInput>;
  const input: ZoneRulesInput = {
    ...(base ?? {}),
    ...patch,
    quietHours: { ...(base?.quietHours ?? {}), ...(patch.quietHours ?? {}) },
    zoneId: 'zone',
    timeZone,
  };
  try {
    const { zoneId: _zoneId, timeZone: _timeZone, ...rules } = createZoneRules(input);
    return { ok: true, rules };
  } catch (err) {
    if (err instanceof InvalidZoneRulesError) return { ok: false, problems: err.problems.map((reason) => ({ field: `rules.${reason.split(' ')[0]}`, reason })) };
    throw err;
  }
}

export type TimingsCheck = { ok: true; timings: ZoneTimingsSeconds } | { ok: false; problems: FieldProblem[] };

/** Timing overrides in seconds, merged over `base`; null for a key removes its override. */
export function mergeZoneTimings(base: ZoneTimingsSeconds, body: unknown): TimingsCheck {
  if (body === undefined) return { ok: true, timings: base };
  if (!isObject(body)) return { ok: false, problems: [{ field: 'timings', reason: 'must be an object' }] };
  const keys = Object.keys(TIMING_BOUNDS) as TimingField[];
  const problems: FieldProblem[] = Object.keys(body)
    .filter((key) => !(keys as string[]).includes(key))
    .map((key) => ({ field: `timings.${key}`, reason: `is not a timing (${keys.join(', ')})` }));
  const timings: ZoneTimingsSeconds = { ...base };
  for (const key of keys) {
    const value = body[key];
    if (value === undefined) continue;
    if (value === null) {
      delete timings[key];
      continue;
    }
    const { min, max } = TIMING_BOUNDS[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push({ field: `timings.${key}`, reason: `must be whole seconds ${min}..${max}` });
    } else timings[key] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, timings };
}

/** The reducer's timings: the defaults with the zone's overrides (stored in seconds). */
export function sessionTimingsOf(overrides: ZoneTimingsSeconds): SessionTimings {
  const timings = { ...DEFAULT_SESSION_TIMINGS };
  for (const [field, key] of Object.entries(TIMING_FIELDS) as [TimingField, keyof SessionTimings][]) {
    const seconds = overrides[field];
    if (typeof seconds === 'number') timings[key] = seconds * 1000;
  }
  return timings;
}

/** The domain's ZoneRules of a stored zone. */
export function zoneRulesOf(zoneId: string, timeZone: string, rules: StoredRules): ZoneRules {
  return { ...rules, zoneId, timeZone };
}
