// Who a gate may recognise while it decides alone. An offline gate holds faces only (no groups,
// policies, clock it can trust or holidays) and admits whoever it recognises, so its library must
// hold exactly the people the online decision would admit there at any hour: people of the gate's
// site in good standing, in a group with an enabled policy that lists the gate around the clock
// (schedule null). Scheduled access (amenity hours, daytime staff, a policy that follows holidays)
// fails safe: denied while the gate is offline. The offline decision is never looser than the
// online one.
// The library's validUntil stays null: the directory knows no planned end of a person's access (a
// tenancy's end is recorded only when the move-out happens, and the move-out removes the face).
import { AccessPolicy } from './access-policy';
import { AccessPerson, isInGoodStanding } from './decide-access';

/** What the rule needs to know of a person (AccessState's PersonEntry has it). */
export interface OfflineLibraryCandidate {
  person: AccessPerson;
  /** Sites where the person may be let in. */
  siteIds: readonly string[];
}

/** The groups whose people the gate admits offline: an enabled, round-the-clock policy lists it. */
export function offlineGroupsAt(policies: readonly AccessPolicy[], gateId: string): ReadonlySet<string> {
  // `policies` are the effective ones (enabled defaults and custom policies, holidays applied): a
  // policy that follows holidays has a schedule even when it has no windows, so it is left out here.
  return new Set(policies.filter((p) => p.schedule === null && p.gateIds.includes(gateId)).map((p) => p.groupId));
}

/**
 * The rule for one gate: whether a person belongs in its offline library. Build it once per sync
 * (it indexes the policies) and apply it to every candidate; an unknown person does not belong.
 */
export function offlineLibraryRule(policies: readonly AccessPolicy[], gate: { id: string; siteId: string }): (candidate: OfflineLibraryCandidate | undefined) => boolean {
  const groups = offlineGroupsAt(policies, gate.id);
  return (c) => {
    if (!c || groups.size === 0) return false;
    return isInGoodStanding(c.person) && c.siteIds.includes(gate.siteId) && c.person.groupIds.some((g) => groups.has(g));
  };
}

/**
 * Whether a change to a person may change which gates' libraries hold them (their groups or their
 * standing). Groups are compared as sets: the order they are listed in means nothing.
 */
export function offlineStandingChanged(before: AccessPerson, after: AccessPerson): boolean {
  if (isInGoodStanding(before) !== isInGoodStanding(after)) return true;
  const a = new Set(before.groupIds);
  const b = new Set(after.groupIds);
  return a.size !== b.size || [...a].some((g) => !b.has(g));
}
