// Choosing a technician for a new or reopened ticket. Deterministic: ties are broken by a round-robin
// pointer the caller persists (per pool), so two workers given the same input pick the same person.
import { requiredSkill, StaffSkill, TicketCategory, TicketPriority } from './categories';

export interface StaffCandidate {
  id: string;
  active: boolean;
  onShift: boolean;
  skills: readonly string[];
  /** Open tickets assigned to them now (new, assigned, in_progress, on_hold, reopened). */
  openTickets: number;
}

export interface AutoAssignInput {
  category: TicketCategory;
  priority: TicketPriority;
  staff: readonly StaffCandidate[];
  /** Last staff id assigned per pool key (see `AssignmentDecision.roundRobin.key`). */
  lastAssigned: Readonly<Record<string, string | undefined>>;
  /** A reopened ticket goes back to its previous technician when they are eligible (they know the job). */
  preferAssigneeId?: string | null;
}

export type UnassignedReason = 'no_active_staff' | 'no_skilled_staff_on_shift' | 'no_staff_on_shift';

export type AssignmentDecision =
  | {
      assigneeId: string;
      /** Emergency: the manager hears about it whoever got it. */
      notifyManager: boolean;
      /** How the choice was made, for the activity log. */
      basis: 'skill' | 'any_on_shift' | 'previous_assignee';
      /** Store `lastAssigned[key] = assigneeId` so the next tie goes to the next person. */
      roundRobin: { key: string; lastAssignedId: string } | null;
    }
  | { assigneeId: null; notifyManager: boolean; reason: UnassignedReason };

/** Pool key of a round-robin pointer. */
export function roundRobinKey(pool: StaffSkill | 'any'): string {
  return `skill-${pool}`;
}

/**
 * Among those with the least open work, the first id (in sorted order) after the last one assigned,
 * wrapping around; with no pointer (or an unknown one), the first id after it in sort order.
 */
function pickLeastLoaded(candidates: readonly StaffCandidate[], lastId: string | undefined): StaffCandidate {
  const least = Math.min(...candidates.map((c) => c.openTickets));
  const tied = candidates.filter((c) => c.openTickets === least).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (lastId === undefined) return tied[0];
  return tied.find((c) => c.id > lastId) ?? tied[0];
}

/**
 * Picks an assignee: active, on-shift staff with the category's skill and the least open work,
 * round-robin among equals. An emergency with nobody skilled on shift goes to anyone on shift, and
 * always notifies the manager. Nobody eligible leaves the ticket unassigned with a reason.
 */
export function chooseAssignee(input: AutoAssignInput): AssignmentDecision {
  const skill = requiredSkill(input.category);
  const emergency = input.priority === 'emergency';
  const active = input.staff.filter((s) => s.active);
  if (active.length === 0) return { assigneeId: null, notifyManager: emergency, reason: 'no_active_staff' };
  const onShift = active.filter((s) => s.onShift);
  const skilled = onShift.filter((s) => s.skills.includes(skill));

  const preferred = input.preferAssigneeId ? skilled.find((s) => s.id === input.preferAssigneeId) : undefined;
  if (preferred) return { assigneeId: preferred.id, notifyManager: emergency, basis: 'previous_assignee', roundRobin: null };

  if (skilled.length > 0) {
    const key = roundRobinKey(skill);
    const chosen = pickLeastLoaded(skilled, input.lastAssigned[key]);
    return { assigneeId: chosen.id, notifyManager: emergency, basis: 'skill', roundRobin: { key, lastAssignedId: chosen.id } };
  }
  if (emergency && onShift.length > 0) {
    // Someone on site now beats the right specialist tomorrow; the manager brings in the specialist.
    const key = roundRobinKey('any');
    const chosen = pickLeastLoaded(onShift, input.lastAssigned[key]);
    return { assigneeId: chosen.id, notifyManager: true, basis: 'any_on_shift', roundRobin: { key, lastAssignedId: chosen.id } };
  }
  return { assigneeId: null, notifyManager: emergency, reason: onShift.length === 0 ? 'no_staff_on_shift' : 'no_skilled_staff_on_shift' };
}
