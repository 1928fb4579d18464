// Who may pass which gate when: an access group × a list of gates × a weekly schedule. A person
// belongs to groups (residents, residents of building B3, cleaning staff, …); a gate is allowed
// when some policy of one of their groups lists it, and open when that policy's schedule is.
import { WeeklySchedule } from './weekly-schedule';

export interface AccessPolicy {
  id: string;
  groupId: string;
  gateIds: readonly string[];
  /** null = around the clock, holidays included. */
  schedule: WeeklySchedule | null;
  label?: string;
}

/** The policies of any of `groupIds` that list `gateId`. */
export function policiesFor(policies: readonly AccessPolicy[], groupIds: readonly string[], gateId: string): AccessPolicy[] {
  return policies.filter((p) => groupIds.includes(p.groupId) && p.gateIds.includes(gateId));
}
