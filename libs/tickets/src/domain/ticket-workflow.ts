// The ticket status workflow as an explicit transition table: who may move a ticket from one status
// to another, which fields that needs, and what it does to the SLA clocks.
//
// Decisions (beyond the table):
// - A resident may cancel only their own ticket (the reporter) and only before work starts (new or
//   assigned). They may confirm (close) or reopen a resolved ticket of their household, with a reason,
//   at most MAX_RESIDENT_REOPENS times per ticket; after that staff reopen it (or a manager from closed).
// - Staff act only on tickets assigned to them, may take an unassigned ticket for themselves, and may
//   cancel an untaken ticket (spam, duplicate). Managers and admins may do every transition in the table.
// - 'system' is the worker: auto-assignment, auto-close, and reopening after a low rating.
// - closed and cancelled are final, except that a manager may reopen a closed ticket.
import { TicketStatus, TICKET_STATUSES } from './ticket-status';

export type ActorRole = 'resident' | 'staff' | 'manager' | 'admin' | 'system';

export interface TicketActor {
  role: ActorRole;
  /** residentId for residents, staffId for staff/managers/admins, a job name for 'system'. */
  id: string;
  /** A resident's household units. */
  unitIds?: readonly string[];
}

export interface WorkflowTicket {
  status: TicketStatus;
  reporterId: string;
  /** The household unit (null for a common-area ticket). */
  unitId?: string | null;
  assigneeId?: string | null;
  reopenCount?: number;
  firstResponseAt?: Date | null;
}

export interface TransitionInput {
  now: Date;
  reason?: string | null;
  resolutionNote?: string | null;
  /** Whom to assign (to 'assigned'); staff may leave it out to take the ticket themselves. */
  assigneeId?: string | null;
}

export type RequiredField = 'reason' | 'resolutionNote' | 'assigneeId';

/** What a transition does to the SLA clocks; due times are then recomputed from the whole timeline. */
export type SlaEffect = 'none' | 'pause' | 'resume' | 'stop';

export interface TransitionRule {
  from: TicketStatus;
  to: TicketStatus;
  roles: readonly ActorRole[];
  requires: readonly RequiredField[];
  sla: SlaEffect;
}

const STAFF_SIDE: readonly ActorRole[] = ['staff', 'manager', 'admin'];
const MANAGERS: readonly ActorRole[] = ['manager', 'admin'];

export const MAX_RESIDENT_REOPENS = 2;
export const MAX_REASON_LENGTH = 1000;
export const MAX_RESOLUTION_NOTE_LENGTH = 4000;

export const TICKET_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'new', to: 'assigned', roles: [...STAFF_SIDE, 'system'], requires: ['assigneeId'], sla: 'none' },
  { from: 'new', to: 'in_progress', roles: ['staff'], requires: [], sla: 'none' },
  { from: 'new', to: 'cancelled', roles: ['resident', ...STAFF_SIDE], requires: ['reason'], sla: 'stop' },
  { from: 'assigned', to: 'in_progress', roles: STAFF_SIDE, requires: [], sla: 'none' },
  // Waiting for the resident to be home, or for parts, before work can start.
  { from: 'assigned', to: 'on_hold', roles: STAFF_SIDE, requires: ['reason'], sla: 'pause' },
  { from: 'assigned', to: 'cancelled', roles: ['resident', ...STAFF_SIDE], requires: ['reason'], sla: 'stop' },
  { from: 'in_progress', to: 'on_hold', roles: STAFF_SIDE, requires: ['reason'], sla: 'pause' },
  { from: 'in_progress', to: 'resolved', roles: STAFF_SIDE, requires: ['resolutionNote'], sla: 'stop' },
  { from: 'in_progress', to: 'cancelled', roles: MANAGERS, requires: ['reason'], sla: 'stop' },
  { from: 'on_hold', to: 'in_progress', roles: STAFF_SIDE, requires: [], sla: 'resume' },
  { from: 'on_hold', to: 'resolved', roles: STAFF_SIDE, requires: ['resolutionNote'], sla: 'stop' },
  { from: 'on_hold', to: 'cancelled', roles: MANAGERS, requires: ['reason'], sla: 'stop' },
  { from: 'resolved', to: 'closed', roles: ['resident', ...MANAGERS, 'system'], requires: [], sla: 'none' },
  { from: 'resolved', to: 'reopened', roles: ['resident', ...STAFF_SIDE, 'system'], requires: ['reason'], sla: 'resume' },
  { from: 'closed', to: 'reopened', roles: MANAGERS, requires: ['reason'], sla: 'resume' },
  { from: 'reopened', to: 'assigned', roles: [...STAFF_SIDE, 'system'], requires: ['assigneeId'], sla: 'none' },
  { from: 'reopened', to: 'in_progress', roles: ['staff'], requires: [], sla: 'none' },
  { from: 'reopened', to: 'cancelled', roles: MANAGERS, requires: ['reason'], sla: 'stop' },
];

export type TransitionErrorCode =
  | 'INVALID_TRANSITION'
  | 'ROLE_NOT_ALLOWED'
  | 'WORK_ALREADY_STARTED'
  | 'NOT_REPORTER'
  | 'NOT_ASSIGNEE'
  | 'SELF_ASSIGN_ONLY'
  | 'REOPEN_LIMIT_REACHED'
  | 'REASON_REQUIRED'
  | 'RESOLUTION_NOTE_REQUIRED'
  | 'ASSIGNEE_REQUIRED'
  | 'FIELD_TOO_LONG';

/** How the API answers each failure (kinds match @app/core's ErrorKind). */
export const TRANSITION_ERROR_KIND: Readonly<Record<TransitionErrorCode, 'conflict' | 'forbidden' | 'bad_request'>> = {
  INVALID_TRANSITION: 'conflict',
  WORK_ALREADY_STARTED: 'conflict',
  REOPEN_LIMIT_REACHED: 'conflict',
  ROLE_NOT_ALLOWED: 'forbidden',
  NOT_REPORTER: 'forbidden',
  NOT_ASSIGNEE: 'forbidden',
  SELF_ASSIGN_ONLY: 'forbidden',
  REASON_REQUIRED: 'bad_request',
  RESOLUTION_NOTE_REQUIRED: 'bad_request',
  ASSIGNEE_REQUIRED: 'bad_request',
  FIELD_TOO_LONG: 'bad_request',
};

/** The changes to apply to the ticket row (plus what the activity log and SLA need). */
export interface TransitionPatch {
  status: TicketStatus;
  statusChangedAt: Date;
  sla: SlaEffect;
  /** Run auto-assignment next (a reopened ticket goes back to a technician). */
  autoAssign: boolean;
  /** The reason given, for the activity log and notifications. */
  reason?: string;
  assigneeId?: string;
  holdReason?: string | null;
  resolutionNote?: string;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  cancelledAt?: Date;
  reopenCount?: number;
  firstResponseAt?: Date;
}

export type TransitionResult =
  | { ok: true; patch: TransitionPatch }
  | { ok: false; code: TransitionErrorCode; message: string; allowed: TicketStatus[] };

type Denial = { code: TransitionErrorCode; message: string };

export function transitionRule(from: TicketStatus, to: TicketStatus): TransitionRule | undefined {
  return TICKET_TRANSITIONS.find((r) => r.from === from && r.to === to);
}

function isHousehold(ticket: WorkflowTicket, actor: TicketActor): boolean {
  if (ticket.reporterId === actor.id) return true;
  return !!ticket.unitId && (actor.unitIds ?? []).includes(ticket.unitId);
}

/** Role and ownership checks of one rule (required fields are checked separately). */
function deny(ticket: WorkflowTicket, rule: TransitionRule, actor: TicketActor, input?: Pick<TransitionInput, 'assigneeId'>): Denial | null {
  if (!rule.roles.includes(actor.role)) {
    if (actor.role === 'resident' && rule.to === 'cancelled') {
      return { code: 'WORK_ALREADY_STARTED', message: 'A resident can cancel a ticket only before work starts' };
    }
    return { code: 'ROLE_NOT_ALLOWED', message: `A ${actor.role} cannot move a ticket from ${rule.from} to ${rule.to}` };
  }
  if (actor.role === 'resident') {
    if (rule.to === 'cancelled' && ticket.reporterId !== actor.id) {
      return { code: 'NOT_REPORTER', message: 'Only the resident who reported a ticket can cancel it' };
    }
    if (!isHousehold(ticket, actor)) return { code: 'NOT_REPORTER', message: 'This ticket belongs to another household' };
    if (rule.to === 'reopened' && (ticket.reopenCount ?? 0) >= MAX_RESIDENT_REOPENS) {
      return { code: 'REOPEN_LIMIT_REACHED', message: `A resident can reopen a ticket at most ${MAX_RESIDENT_REOPENS} times; please contact the property office` };
    }
  }
  if (actor.role === 'staff') {
    const assignee = ticket.assigneeId ?? null;
    if (rule.to === 'assigned') {
      const target = input?.assigneeId ?? actor.id;
      if (target !== actor.id) return { code: 'SELF_ASSIGN_ONLY', message: 'Staff can only take a ticket for themselves; a manager assigns others' };
    } else if (rule.from === 'new' || rule.from === 'reopened') {
      if (assignee !== null && assignee !== actor.id) return { code: 'NOT_ASSIGNEE', message: 'This ticket is assigned to someone else' };
    } else if (rule.from !== 'resolved' && assignee !== actor.id) {
      return { code: 'NOT_ASSIGNEE', message: 'Only the assigned technician (or a manager) can change this ticket' };
    }
  }
  return null;
}

/** Statuses this actor may move the ticket to now (required fields aside). */
export function allowedTransitions(ticket: WorkflowTicket, actor: TicketActor): TicketStatus[] {
  return TICKET_TRANSITIONS.filter((r) => r.from === ticket.status && deny(ticket, r, actor) === null).map((r) => r.to);
}

function text(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/** Checks a transition and, when allowed, returns the patch to apply. Pure: `input.now` is the clock. */
export function canTransition(ticket: WorkflowTicket, to: TicketStatus, actor: TicketActor, input: TransitionInput): TransitionResult {
  const fail = (d: Denial): TransitionResult => ({ ok: false, ...d, allowed: allowedTransitions(ticket, actor) });
  const rule = transitionRule(ticket.status, to);
  if (!rule || !(TICKET_STATUSES as readonly string[]).includes(to)) {
    return fail({ code: 'INVALID_TRANSITION', message: `A ticket cannot go from ${ticket.status} to ${to}` });
  }
  const denial = deny(ticket, rule, actor, input);
  if (denial) return fail(denial);

  const reason = text(input.reason);
  const resolutionNote = text(input.resolutionNote);
  const assigneeId = text(input.assigneeId) || (actor.role === 'staff' ? actor.id : '');
  for (const field of rule.requires) {
    if (field === 'reason' && !reason) return fail({ code: 'REASON_REQUIRED', message: `Moving a ticket to ${to} needs a reason` });
    if (field === 'resolutionNote' && !resolutionNote) return fail({ code: 'RESOLUTION_NOTE_REQUIRED', message: 'Resolving a ticket needs a resolution note' });
    if (field === 'assigneeId' && !assigneeId) return fail({ code: 'ASSIGNEE_REQUIRED', message: 'Assigning a ticket needs an assignee' });
  }
  if (reason.length > MAX_REASON_LENGTH) return fail({ code: 'FIELD_TOO_LONG', message: `The reason is longer than ${MAX_REASON_LENGTH} characters` });
  if (resolutionNote.length > MAX_RESOLUTION_NOTE_LENGTH) {
    return fail({ code: 'FIELD_TOO_LONG', message: `The resolution note is longer than ${MAX_RESOLUTION_NOTE_LENGTH} characters` });
  }

  const now = input.now;
  const patch: TransitionPatch = { status: to, statusChangedAt: now, sla: rule.sla, autoAssign: to === 'reopened' };
  if (reason) patch.reason = reason;
  if (to === 'assigned') patch.assigneeId = assigneeId;
  // Taking an untaken ticket straight into work makes the technician its assignee.
  if (to === 'in_progress' && actor.role === 'staff' && !ticket.assigneeId) patch.assigneeId = actor.id;
  if (to === 'on_hold') patch.holdReason = reason;
  if (ticket.status === 'on_hold') patch.holdReason = null;
  if (to === 'resolved') {
    patch.resolutionNote = resolutionNote;
    patch.resolvedAt = now;
  }
  if (to === 'closed') patch.closedAt = now;
  if (to === 'cancelled') patch.cancelledAt = now;
  if (to === 'reopened') {
    patch.reopenCount = (ticket.reopenCount ?? 0) + 1;
    patch.resolvedAt = null;
    if (ticket.status === 'closed') patch.closedAt = null;
  }
  // Work starting, pausing or finishing is an answer to the reporter.
  const isStaffSide = STAFF_SIDE.includes(actor.role);
  if (isStaffSide && !ticket.firstResponseAt && (to === 'in_progress' || to === 'on_hold' || to === 'resolved')) patch.firstResponseAt = now;
  return { ok: true, patch };
}

export type ReassignResult = { ok: true; patch: { assigneeId: string } } | { ok: false; code: 'INVALID_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'ASSIGNEE_REQUIRED'; message: string };

/**
 * Reassigning a ticket that is already with a technician (assigned, in_progress, on_hold) keeps its
 * status; only managers, admins and the system do it. New and reopened tickets are assigned through
 * the 'assigned' transition instead.
 */
export function canReassign(ticket: WorkflowTicket, actor: TicketActor, assigneeId: string): ReassignResult {
  if (!['assigned', 'in_progress', 'on_hold'].includes(ticket.status)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `A ${ticket.status} ticket is assigned through the 'assigned' transition, not reassigned` };
  }
  if (!['manager', 'admin', 'system'].includes(actor.role)) return { ok: false, code: 'ROLE_NOT_ALLOWED', message: 'Only a manager can reassign a ticket' };
  const target = assigneeId.trim();
  if (!target) return { ok: false, code: 'ASSIGNEE_REQUIRED', message: 'Reassigning a ticket needs an assignee' };
  return { ok: true, patch: { assigneeId: target } };
}
