// A site's own access configuration on top of the defaults from its directory: custom policies
// (group × gates × weekly windows), defaults switched off by id, and the site's holidays. Pure:
// the service stores what staff send; the state merges it into the policies decisions use.
//
// Semantics (documented in libs/access/README.md):
// - The defaults always apply unless switched off one by one (by their id); custom policies ADD.
//   A gate opens when any enabled policy of one of the person's groups lists it and is open now,
//   so "replace a default" = disable it and add a custom policy.
// - Holidays are the site's, local dates in its time zone. A policy that follows holidays gets them
//   as exceptions (closed, or only the holiday's windows); one that does not ignores them. The
//   defaults follow holidays for daytime staff only (residents and on-call staff pass on holidays).
import { AccessPolicy } from './access-policy';
import {
  defaultAccessPolicies,
  GROUP_CLEANING_STAFF,
  GROUP_DAYTIME_STAFF,
  GROUP_LANDSCAPING_STAFF,
  GROUP_RESIDENTS,
  GROUP_STAFF,
  residentsOfBuilding,
  SiteDirectory,
} from './default-policies';
import { ALL_WEEK, HolidayException, validateWeeklySchedule, WeeklyWindow } from './weekly-schedule';

/** A policy staff created for their site. */
export interface CustomAccessPolicy {
  id: string;
  groupId: string;
  gateIds: readonly string[];
  /** null = around the clock. */
  windows: readonly WeeklyWindow[] | null;
  /** The site's holidays replace the weekly windows (closed, or the holiday's own windows). */
  followsHolidays: boolean;
  label: string;
  enabled: boolean;
}

export interface SiteAccessConfig {
  custom: readonly CustomAccessPolicy[];
  /** Ids of default policies switched off. */
  disabledDefaults: readonly string[];
  holidays: readonly HolidayException[];
}

export const EMPTY_SITE_ACCESS_CONFIG: SiteAccessConfig = { custom: [], disabledDefaults: [], holidays: [] };

/** One policy as staff see it: where it comes from and whether it applies. */
export interface SitePolicyView extends AccessPolicy {
  source: 'default' | 'custom';
  enabled: boolean;
  followsHolidays: boolean;
  label: string;
}

export interface PolicyProblem {
  field: string;
  reason: string;
}

export const MAX_POLICY_GATES = 500;
export const MAX_POLICY_WINDOWS = 50;
export const MAX_SITE_HOLIDAYS = 400;

export function isDefaultPolicyId(id: string): boolean {
  return id.startsWith('default:');
}

/** The groups a policy of this site may name: the directory's groups. */
export function knownGroupIds(buildingIds: readonly string[]): string[] {
  return [GROUP_RESIDENTS, ...buildingIds.map(residentsOfBuilding), GROUP_STAFF, GROUP_CLEANING_STAFF, GROUP_LANDSCAPING_STAFF, GROUP_DAYTIME_STAFF];
}

/** Every policy of the site with its origin and state; the enabled ones are what decisions use. */
export function sitePolicyViews(directory: SiteDirectory, config: SiteAccessConfig): SitePolicyView[] {
  const holidays = config.holidays;
  const disabled = new Set(config.disabledDefaults);
  const defaults = defaultAccessPolicies({ ...directory, holidays }).map(
    (p): SitePolicyView => ({ ...p, source: 'default', enabled: !disabled.has(p.id), followsHolidays: !!p.schedule?.holidays, label: p.label ?? p.id }),
  );
  const custom = config.custom.map(
    (c): SitePolicyView => ({
      id: c.id,
      groupId: c.groupId,
      gateIds: c.gateIds,
      schedule: scheduleOf(c, holidays),
      label: c.label,
      source: 'custom',
      enabled: c.enabled,
      followsHolidays: c.followsHolidays,
    }),
  );
  return [...defaults, ...custom];
}

/** The policies decisions use: enabled defaults and enabled custom policies, holidays applied. */
export function effectiveAccessPolicies(directory: SiteDirectory, config: SiteAccessConfig): AccessPolicy[] {
  return sitePolicyViews(directory, config)
    .filter((p) => p.enabled)
    .map(({ id, groupId, gateIds, schedule, label }) => ({ id, groupId, gateIds, schedule, label }));
}

function scheduleOf(c: CustomAccessPolicy, holidays: readonly HolidayException[]): AccessPolicy['schedule'] {
  const useHolidays = c.followsHolidays && holidays.length > 0;
  // Around the clock and holidays ignored: no schedule at all (the cheapest check).
  if (c.windows === null && !useHolidays) return null;
  const windows = c.windows ?? [{ days: ALL_WEEK, from: '00:00', to: '24:00' }];
  return useHolidays ? { windows, holidays } : { windows };
}

export interface PolicyInput {
  groupId?: unknown;
  gateIds?: unknown;
  windows?: readonly WeeklyWindow[] | null;
}

/**
 * Problems with a custom policy for this site (field + reason, all at once): a group the directory
 * does not know, gates of another site, malformed or empty windows. Shape errors (types, lengths)
 * are the DTO's job; these are the rules that need the site.
 */
export function validateCustomPolicy(p: PolicyInput, site: { gateIds: readonly string[]; buildingIds: readonly string[] }): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (typeof p.groupId === 'string' && !knownGroupIds(site.buildingIds).includes(p.groupId)) {
    problems.push({ field: 'groupId', reason: `unknown group; one of residents, residents:<building of this site>, staff, staff:cleaning, staff:landscaping, staff:daytime` });
  }
  if (Array.isArray(p.gateIds)) {
    const gates = new Set(site.gateIds);
    const seen = new Set<string>();
    p.gateIds.forEach((g: unknown, i) => {
      if (typeof g !== 'string' || !gates.has(g)) problems.push({ field: `gateIds.${i}`, reason: 'not a gate of this site' });
      else if (seen.has(g)) problems.push({ field: `gateIds.${i}`, reason: 'listed twice' });
      seen.add(String(g));
    });
  }
  if (p.windows) problems.push(...scheduleProblems(validateWeeklySchedule({ windows: p.windows })));
  return problems;
}

/** Problems with a site's holiday list (dates yyyy-MM-dd, once each; windows HH:mm). */
export function validateHolidays(holidays: readonly HolidayException[]): PolicyProblem[] {
  return scheduleProblems(validateWeeklySchedule({ windows: [], holidays }));
}

/** Turns validateWeeklySchedule's "windows[0].from must be …" into { field: 'windows.0.from', reason }. */
function scheduleProblems(messages: readonly string[]): PolicyProblem[] {
  return messages.map((m) => {
    const space = m.indexOf(' ');
    return { field: m.slice(0, space).replace(/\[(\d+)\]/g, '.$1'), reason: m.slice(space + 1) };
  });
}
