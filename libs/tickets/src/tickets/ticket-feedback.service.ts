import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@app/core';
import { canSeeTicket, formatTicketNumber, isStaffViewer, rateTicket } from '../domain';
import { CommentDto, RatingDto } from './dto/ticket-actions.dto';
import { HouseholdLookup } from './household-lookup.service';
import { actorFromPrincipal, systemActor } from './ticket-actor';
import { TicketAssignmentService } from './ticket-assignment.service';
import { TicketComment } from './ticket-comment.entity';
import { ratingError } from './ticket-errors';
import { TicketRating } from './ticket-rating.entity';
import { ticketDetail, TicketDetailView } from './ticket-views';
import { TicketWriter } from './ticket-writer.service';
import { applyTransitionWithNotices } from './ticket-workflow.service';

export interface CommentView {
  id: string;
  authorRole: string;
  authorId: string;
  visibility: 'public' | 'internal';
  body: string;
  createdAt: Date;
}

export function commentView(c: TicketComment): CommentView {
  return { id: c.id, authorRole: c.authorRole, authorId: c.authorId, visibility: c.visibility, body: c.body, createdAt: c.createdAt };
}

/** Comments, internal notes and the resident's rating (which may reopen or close the ticket). */
@Injectable()
export class TicketFeedbackService {
  constructor(
    private readonly writer: TicketWriter,
    private readonly household: HouseholdLookup,
    private readonly assignment: TicketAssignmentService,
  ) {}

  async comment(p: Principal, id: string, dto: CommentDto): Promise<CommentView> {
    const viewer = await this.household.viewer(p);
    const visibility = dto.visibility ?? 'public';
    if (visibility === 'internal' && !isStaffViewer(viewer)) throw DomainError.forbidden('Internal notes are for staff only');
    const actor = actorFromPrincipal(p, viewer.unitIds);
    return this.writer.run(async (tx) => {
      const ticket = await tx.lock(id, { visible: (x) => canSeeTicket(viewer, x) });
      const saved = await tx.m.getRepository(TicketComment).save(
        tx.m.getRepository(TicketComment).create({ ticketId: ticket.id, authorRole: p.role, authorId: actor.id, authorAccountId: p.accountId, visibility, body: dto.body }),
      );
      await tx.apply(ticket, actor, (c) => {
        c.log(visibility === 'public' ? 'comment' : 'internal_note', { visibility, after: { commentId: saved.id } });
        if (visibility === 'internal') return;
        const number = formatTicketNumber(ticket.number);
        if (isStaffViewer(viewer)) {
          // The first public answer from staff is the first response the SLA waits for.
          if (!ticket.firstResponseAt) c.set({ firstResponseAt: c.now });
          c.notify(['reporter', 'watchers'], 'ticket.comment', `New reply on ${number}`, dto.body.slice(0, 200));
        } else {
          c.notify(['assignee'], 'ticket.comment', `The resident commented on ${number}`, dto.body.slice(0, 200));
        }
      });
      return commentView(saved);
    });
  }

  /** The household rates a resolved ticket: <= 2 reopens it (auto-assigned again), >= 3 closes it. */
  async rate(p: Principal, id: string, dto: RatingDto): Promise<TicketDetailView> {
    const viewer = await this.household.viewer(p);
    if (p.role !== 'resident' || !p.residentId) throw DomainError.forbidden('Only residents rate tickets');
    const actor = actorFromPrincipal(p, viewer.unitIds);
    const t = await this.writer.run(async (tx) => {
      const ticket = await tx.lock(id, { visible: (x) => canSeeTicket(viewer, x) });
      const r = rateTicket(
        { status: ticket.status, reporterId: ticket.reporterId, unitId: ticket.unitId, resolvedAt: ticket.resolvedAt, ratedAt: ticket.ratedAt, reopenCount: ticket.reopenCount },
        { id: actor.id, unitIds: viewer.unitIds },
        { score: dto.score, comment: dto.comment },
        new Date(),
      );
      if (!r.ok) throw ratingError(r.code, r.message);
      await tx.m.getRepository(TicketRating).insert({ ticketId: ticket.id, residentId: actor.id, score: r.rating.score, comment: r.rating.comment, ratedAt: r.rating.ratedAt });
      await tx.apply(ticket, actor, async (c) => {
        c.set({ ratedAt: r.rating.ratedAt, ratingScore: r.rating.score });
        c.log('rated', { after: { score: r.rating.score, followUp: r.followUp }, note: r.rating.comment });
        const number = formatTicketNumber(ticket.number);
        const system = systemActor('rating-follow-up');
        if (r.followUp === 'reopen') {
          const { autoAssign } = applyTransitionWithNotices(c, 'reopened', { reason: r.reopenReason ?? undefined }, system);
          c.notify(['managers'], 'ticket.low_rating', `${number} rated ${r.rating.score}/5 and reopened`, r.rating.comment);
          if (autoAssign) await this.assignment.autoAssign(tx.m, c, { preferPrevious: true });
        } else if (r.followUp === 'close') {
          applyTransitionWithNotices(c, 'closed', {}, system);
        } else {
          c.notify(['managers'], 'ticket.low_rating', `${number} rated ${r.rating.score}/5 after ${ticket.reopenCount} reopens: please follow up`, r.rating.comment);
        }
      });
      return ticket;
    });
    return ticketDetail(t, new Date());
  }
}
