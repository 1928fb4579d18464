// The staff directory (libs/community) records coarse skills; the ticket categories need finer ones.
// A "general" hand covers both common-facility repairs and the front desk's triage of "other".
import { STAFF_SKILLS, StaffSkill } from './categories';

const DIRECTORY_ALIASES: Readonly<Record<string, readonly StaffSkill[]>> = {
  general: ['general_maintenance', 'customer_service'],
};

/** Ticket skills of a staff member from the directory's skill list (unknown skills are ignored). */
export function ticketSkillsOf(directorySkills: readonly string[]): StaffSkill[] {
  const out = new Set<StaffSkill>();
  for (const s of directorySkills) {
    for (const alias of DIRECTORY_ALIASES[s] ?? []) out.add(alias);
    if ((STAFF_SKILLS as readonly string[]).includes(s)) out.add(s as StaffSkill);
  }
  return [...out];
}

/** The directory skills that give a ticket skill (e.g. general_maintenance <- general). */
export function directorySkillsFor(skill: StaffSkill): string[] {
  const aliases = Object.entries(DIRECTORY_ALIASES)
    .filter(([, covers]) => covers.includes(skill))
    .map(([name]) => name);
  return [skill, ...aliases];
}
