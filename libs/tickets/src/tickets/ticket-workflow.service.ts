import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@app/core';
import { canReassign, canSeeTicket, canTransition, formatTicketNumber, TICKET_PRIORITIES, TicketStatus } from '../domain';
import { NotificationAudience } from '../notifications/recipients.service';
import { AssignDto, MergeDto, ReclassifyDto, TransitionDto } from './dto/ticket-actions.dto';
import { HouseholdLookup } from './household-lookup.service';
import { actorFromPrincipal, ChangeActor } from './ticket-actor';
import { TicketAssignmentService } from './ticket-assignment.service';
import { TicketChange } from './ticket-change';
import { transitionError } from './ticket-errors';
import { ticketDetail, TicketDetailView } from './ticket-views';
import { TicketWriter } from './ticket-writer.service';
import { workflowTicket } from './workflow-ticket';

const STATUS_PHRASE: Record<TicketStatus, string> = {
  new: 'is new',
  assigned: 'has been assigned to a technician',
  in_progress: 'is being worked on',
  on_hold: 'is on hold',
  resolved: 'has been resolved',
  closed: 'is closed',
  reopened: 'has been reopened',
  cancelled: 'has been cancelled',
};

/** Applies an allowed transition and tells the other side (reporter or assignee) about it. */
export function applyTransitionWithNotices(c: TicketChange, to: TicketStatus, input: { reason?: string; resolutionNote?: string; assigneeId?: string }, actor: ChangeActor = c.actor): { autoAssign: boolean } {
  const t = c.ticket;
  const from = t.status;
  const r = canTransition(workflowTicket(t), to, actor, { now: c.now, reason: input.reason, resolutionNote: input.resolutionNote, assigneeId: input.assigneeId });
  if (!r.ok) throw transitionError(r.code, r.message, from, to, r.allowed);
  const prevAssignee = t.assigneeId;
  c.transition(r.patch, actor);
  const number = formatTicketNumber(t.number);
  const body = r.patch.resolutionNote ?? r.patch.reason ?? null;
  const audience: NotificationAudience[] = actor.role === 'resident' ? ['assignee'] : actor.role === 'system' ? ['reporter', 'watchers', 'assignee'] : ['reporter', 'watchers'];
  c.notify(audience, 'ticket.status', `${number} ${STATUS_PHRASE[to]}`, body);
  if (r.patch.assigneeId && r.patch.assigneeId !== prevAssignee && r.patch.assigneeId !== actor.id) {
    c.notify([{ staffId: r.patch.assigneeId }], 'ticket.assigned', `${number} assigned to you`, t.title);
  }
  return { autoAssign: r.patch.autoAssign };
}

@Injectable()
export class TicketWorkflowService {
  constructor(
    private readonly writer: TicketWriter,
    private readonly household: HouseholdLookup,
    private readonly assignment: TicketAssignmentService,
  ) {}

  /** POST /tickets/{id}/transitions: the workflow table decides; stale versions get 409. */
  async transition(p: Principal, id: string, dto: TransitionDto): Promise<TicketDetailView> {
    const viewer = await this.household.viewer(p);
    const actor = actorFromPrincipal(p, viewer.unitIds);
    const t = await this.writer.run(async (tx) => {
      const ticket = await tx.lock(id, { visible: (x) => canSeeTicket(viewer, x), expectedVersion: dto.version });
      if (dto.to === 'assigned' && dto.assigneeId) await this.assignment.assertAssignable(tx.m, ticket.siteId, dto.assigneeId);
      await tx.apply(ticket, actor, async (c) => {
        const { autoAssign } = applyTransitionWithNotices(c, dto.to, dto);
        if (autoAssign) await this.assignment.autoAssign(tx.m, c, { preferPrevious: true });
      });
      return ticket;
    });
    return ticketDetail(t, new Date());
  }

  /** Managers assign a new/reopened ticket or reassign one already with a technician. */
  async assign(p: Principal, id: string, dto: AssignDto): Promise<TicketDetailView> {
    const viewer = await this.household.viewer(p);
    const actor = actorFromPrincipal(p);
    const t = await this.writer.run(async (tx) => {
      const ticket = await tx.lock(id, { visible: (x) => canSeeTicket(viewer, x), expectedVersion: dto.version });
      await this.assignment.assertAssignable(tx.m, ticket.siteId, dto.assigneeId);
      await tx.apply(ticket, actor, (c) => {
        if (ticket.status === 'new' || ticket.status === 'reopened') {
          applyTransitionWithNotices(c, 'assigned', { assigneeId: dto.assigneeId });
          return;
        }
        const r = canReassign(workflowTicket(ticket), actor, dto.assigneeId);
        if (!r.ok) throw new DomainError(`TICKET_${r.code}`, r.code === 'ROLE_NOT_ALLOWED' ? 'forbidden' : r.code === 'ASSIGNEE_REQUIRED' ? 'bad_request' : 'conflict', r.message);
        const before = ticket.assigneeId;
        if (before === r.patch.assigneeId) return;
        c.set({ assigneeId: r.patch.assigneeId });
        c.log('reassigned', { before: { assigneeId: before }, after: { assigneeId: r.patch.assigneeId } });
        const number = formatTicketNumber(ticket.number);
        c.notify([{ staffId: r.patch.assigneeId }], 'ticket.assigned', `${number} assigned to you`, ticket.title);
        if (before) c.notify([{ staffId: before }], 'ticket.unassigned', `${number} was reassigned`, ticket.title);
      });
      return ticket;
    });
    return ticketDetail(t, new Date());
  }

  /** Staff change the category or priority; the SLA due times follow. */
  async reclassify(p: Principal, id: string, dto: ReclassifyDto): Promise<TicketDetailView> {
    if (!dto.category && !dto.priority) throw DomainError.badRequest('Validation failed: give category or priority', [{ field: 'category', reason: 'category or priority is required' }]);
    const viewer = await this.household.viewer(p);
    const actor = actorFromPrincipal(p);
    const t = await this.writer.run(async (tx) => {
      const ticket = await tx.lock(id, { visible: (x) => canSeeTicket(viewer, x), expectedVersion: dto.version });
      if (['closed', 'cancelled'].includes(ticket.status)) throw new DomainError('TICKET_FINAL', 'conflict', `A ${ticket.status} ticket cannot be reclassified`);
      await tx.apply(ticket, actor, (c) => {
        const before = { category: ticket.category, priority: ticket.priority };
        const priority = dto.priority ?? ticket.priority;
        c.set({ category: dto.category ?? ticket.category, priority, priorityRank: TICKET_PRIORITIES.indexOf(priority) });
        if (before.category !== ticket.category || before.priority !== ticket.priority) {
          c.log('reclassified', { before, after: { category: ticket.category, priority: ticket.priority } });
          if (ticket.priority === 'emergency' && before.priority !== 'emergency') {
            c.notify(['managers', 'assignee'], 'ticket.emergency', `Emergency ${formatTicketNumber(ticket.number)}: ${ticket.title}`, 'Reclassified as an emergency.');
          }
        }
      });
      return ticket;
    });
    return ticketDetail(t, new Date());
  }

  /**
   * Merges a duplicate into the ticket it duplicates: the duplicate is cancelled with a reason, its
   * reporter follows the other ticket from then on, and both reporters are told.
   */
  async merge(p: Principal, id: string, dto: MergeDto): Promise<TicketDetailView> {
    if (id === dto.intoTicketId) throw DomainError.badRequest('Validation failed: intoTicketId must be another ticket', [{ field: 'intoTicketId', reason: 'must be another ticket' }]);
    const viewer = await this.household.viewer(p);
    const actor = actorFromPrincipal(p);
    const t = await this.writer.run(async (tx) => {
      // Lock in id order: two opposite merges never deadlock.
      const [first, second] = [id, dto.intoTicketId].sort();
      const locked = new Map([
        [first, await tx.lock(first, { visible: (x) => canSeeTicket(viewer, x), expectedVersion: first === id ? dto.version : undefined })],
        [second, await tx.lock(second, { visible: (x) => canSeeTicket(viewer, x), expectedVersion: second === id ? dto.version : undefined })],
      ]);
      const dup = locked.get(id)!;
      const into = locked.get(dto.intoTicketId)!;
      if (dup.siteId !== into.siteId) throw DomainError.badRequest('Validation failed: intoTicketId is at another site', [{ field: 'intoTicketId', reason: 'is at another site' }]);
      if (['closed', 'cancelled'].includes(into.status)) throw new DomainError('TICKET_MERGE_TARGET_FINAL', 'conflict', `Cannot merge into a ${into.status} ticket`);
      const intoNumber = formatTicketNumber(into.number);
      await tx.apply(dup, actor, (c) => {
        applyTransitionWithNotices(c, 'cancelled', { reason: `Merged into ${intoNumber} (same problem reported earlier)` });
        c.set({ mergedIntoId: into.id });
        c.log('merged', { after: { into: into.id, number: intoNumber } });
      });
      await tx.apply(into, actor, (c) => {
        const watchers = [...new Set([...into.watcherAccountIds, ...(dup.reporterAccountId ? [dup.reporterAccountId] : []), ...dup.watcherAccountIds])].filter((a) => a !== into.reporterAccountId);
        c.set({ watcherAccountIds: watchers });
        c.log('merged', { after: { from: dup.id, number: formatTicketNumber(dup.number) } });
        c.notify(['reporter', 'watchers'], 'ticket.merged', `${intoNumber} now also covers ${formatTicketNumber(dup.number)}`, into.title);
      });
      return dup;
    });
    return ticketDetail(t, new Date());
  }
}
