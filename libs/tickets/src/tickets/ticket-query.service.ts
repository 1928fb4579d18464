import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { allowedTransitions, canSeeTicket, canSeeVisibility, parseTicketNumber, TICKET_STATUSES, TicketStatus, TicketViewer } from '../domain';
import { TicketAttachment } from '../attachments/ticket-attachment.entity';
import { TicketFilterDto, TicketListQueryDto, TicketSort } from './dto/ticket-query.dto';
import { HouseholdLookup } from './household-lookup.service';
import { actorFromPrincipal } from './ticket-actor';
import { TicketActivity } from './ticket-activity.entity';
import { TicketComment } from './ticket-comment.entity';
import { commentView, CommentView } from './ticket-feedback.service';
import { Ticket } from './ticket.entity';
import { SUMMARY_COLUMNS, ticketDetail, TicketDetailView, ticketSummary, TicketSummaryView } from './ticket-views';
import { workflowTicket } from './workflow-ticket';

export interface ActivityView {
  id: string;
  at: Date;
  actorRole: string;
  actorId: string;
  action: string;
  visibility: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  url: string;
}

export interface TicketFullView extends TicketDetailView {
  allowedTransitions: TicketStatus[];
  comments: CommentView[];
  activity: ActivityView[];
  attachments: AttachmentView[];
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The console list (filters, sort, keyset pages, counts) and the ticket page, scoped to the caller. */
@Injectable()
export class TicketQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly household: HouseholdLookup,
  ) {}

  async get(p: Principal, id: string): Promise<TicketFullView> {
    const viewer = await this.household.viewer(p);
    const t = await this.visibleTicket(viewer, id);
    const [comments, activity, attachments] = await Promise.all([
      this.db.getRepository(TicketComment).find({ where: { ticketId: id }, order: { createdAt: 'ASC' }, take: 500 }),
      this.db.getRepository(TicketActivity).find({ where: { ticketId: id }, order: { at: 'ASC' }, take: 1000 }),
      this.db.getRepository(TicketAttachment).find({ where: { ticketId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ...ticketDetail(t, new Date()),
      allowedTransitions: allowedTransitions(workflowTicket(t), actorFromPrincipal(p, viewer.unitIds)),
      comments: comments.filter((c) => canSeeVisibility(viewer, c.visibility)).map(commentView),
      activity: activity
        .filter((a) => canSeeVisibility(viewer, a.visibility))
        .map((a) => ({ id: a.id, at: a.at, actorRole: a.actorRole, actorId: a.actorId, action: a.action, visibility: a.visibility, before: a.before, after: a.after, note: a.note })),
      attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, createdAt: a.createdAt, url: `/api/v1/tickets/${id}/attachments/${a.id}` })),
    };
  }

  async activity(p: Principal, id: string): Promise<ActivityView[]> {
    return (await this.get(p, id)).activity;
  }

  /** The ticket if the viewer may see it, else 404 (never 403: existence is not revealed). */
  async visibleTicket(viewer: TicketViewer, id: string): Promise<Ticket> {
    const t = await this.db.getRepository(Ticket).findOneBy({ id });
    if (!t || !canSeeTicket(viewer, t)) throw DomainError.notFound('Ticket', id);
    return t;
  }

  async list(p: Principal, q: TicketListQueryDto): Promise<Page<TicketSummaryView>> {
    const viewer = await this.household.viewer(p);
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const sort: TicketSort = q.sort ?? '-created';
    const qb = this.db.getRepository(Ticket).createQueryBuilder('t').select(SUMMARY_COLUMNS.map((c) => `t.${c}`));
    if (!this.scope(qb, viewer, p, q)) return { items: [], nextCursor: null };
    this.filter(qb, q, p);
    if (q.status?.length) qb.andWhere('t.status IN (:...status)', { status: q.status });
    this.orderAndSeek(qb, sort, q.cursor);
    qb.limit(limit + 1);
    const now = new Date();
    const page = toPage(await qb.getMany(), limit, (t) => cursorOf(t, sort));
    return { items: page.items.map((t) => ticketSummary(t, now)), nextCursor: page.nextCursor };
  }

  /** Counts per status for the console's tabs (the same filters, every status). */
  async counts(p: Principal, q: TicketFilterDto): Promise<{ counts: Record<TicketStatus, number>; total: number }> {
    const viewer = await this.household.viewer(p);
    const counts = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
    const qb = this.db.getRepository(Ticket).createQueryBuilder('t').select('t.status', 'status').addSelect('count(*)::int', 'n').groupBy('t.status');
    if (!this.scope(qb, viewer, p, q)) return { counts, total: 0 };
    this.filter(qb, q, p);
    const rows: { status: TicketStatus; n: number }[] = await qb.getRawMany();
    for (const r of rows) counts[r.status] = r.n;
    return { counts, total: rows.reduce((a, r) => a + r.n, 0) };
  }

  /** Which tickets the caller reaches; false when none can match. */
  private scope(qb: SelectQueryBuilder<Ticket>, viewer: TicketViewer, p: Principal, q: TicketFilterDto): boolean {
    if (viewer.role === 'resident') {
      qb.andWhere(
        new Brackets((w) => {
          w.where(`(t.reporterKind = 'resident' AND t.reporterId = :rid)`, { rid: viewer.residentId ?? '00000000-0000-0000-0000-000000000000' });
          if (viewer.unitIds.length) w.orWhere('t.unitId IN (:...units)', { units: viewer.unitIds });
          w.orWhere(':acc = ANY(t.watcherAccountIds)', { acc: viewer.accountId });
        }),
      );
      if (q.siteId) qb.andWhere('t.siteId = :site', { site: q.siteId });
      return true;
    }
    if (q.siteId) {
      if (p.role !== 'admin' && !p.siteIds.includes(q.siteId)) return false;
      qb.andWhere('t.siteId = :site', { site: q.siteId });
    } else if (p.role !== 'admin') {
      if (p.siteIds.length === 0) return false;
      qb.andWhere('t.siteId IN (:...sites)', { sites: p.siteIds });
    }
    return true;
  }

  private filter(qb: SelectQueryBuilder<Ticket>, q: TicketFilterDto, p: Principal): void {
    if (q.category?.length) qb.andWhere('t.category IN (:...category)', { category: q.category });
    if (q.priority?.length) qb.andWhere('t.priority IN (:...priority)', { priority: q.priority });
    if (q.buildingId) qb.andWhere('t.buildingId = :building', { building: q.buildingId });
    if (q.unitId) qb.andWhere('t.unitId = :unit', { unit: q.unitId });
    if (q.assignee === 'none') qb.andWhere('t.assigneeId IS NULL');
    else if (q.assignee === 'me') qb.andWhere('t.assigneeId = :me', { me: p.staffId ?? '00000000-0000-0000-0000-000000000000' });
    else if (q.assignee) qb.andWhere('t.assigneeId = :assignee', { assignee: q.assignee });
    // The same rule as storedSlaState(), in SQL.
    if (q.sla === 'breached') qb.andWhere('(t.slaBreached OR t.slaDueAt <= now())');
    else if (q.sla === 'at_risk') qb.andWhere('NOT t.slaBreached AND (t.slaDueAt IS NULL OR t.slaDueAt > now()) AND t.slaWarnAt <= now()');
    else if (q.sla === 'ok') qb.andWhere('NOT t.slaBreached AND (t.slaDueAt IS NULL OR t.slaDueAt > now()) AND (t.slaWarnAt IS NULL OR t.slaWarnAt > now())');
    if (q.q) {
      const number = parseTicketNumber(q.q);
      if (number !== null) qb.andWhere('t.number = :number', { number });
      // Matches the trigram index expression exactly, so the planner can use it.
      else qb.andWhere(`(t.title || ' ' || t.description) ILIKE :like`, { like: likePattern(q.q.trim()) });
    }
  }

  private orderAndSeek(qb: SelectQueryBuilder<Ticket>, sort: TicketSort, cursor: string | undefined): void {
    const after = decodeCursor(cursor);
    const bad = () => DomainError.badRequest('cursor is not valid', [{ field: 'cursor', reason: 'does not belong to this sort order' }]);
    switch (sort) {
      case '-created':
      case 'created':
      case '-updated': {
        const col = sort === '-updated' ? 't.updatedAt' : 't.createdAt';
        const dir = sort === 'created' ? 'ASC' : 'DESC';
        qb.orderBy(col, dir).addOrderBy('t.id', dir);
        if (after) {
          const v = new Date(String(after.v));
          if (Number.isNaN(v.getTime())) throw bad();
          qb.andWhere(`(${col}, t.id) ${dir === 'ASC' ? '>' : '<'} (:cv, :cid)`, { cv: v, cid: after.id });
        }
        return;
      }
      case 'sla_due': {
        qb.orderBy('t.slaDueAt', 'ASC', 'NULLS LAST').addOrderBy('t.id', 'ASC');
        if (!after) return;
        if (after.v === '') qb.andWhere('t.slaDueAt IS NULL AND t.id > :cid', { cid: after.id });
        else {
          const v = new Date(String(after.v));
          if (Number.isNaN(v.getTime())) throw bad();
          qb.andWhere('((t.slaDueAt, t.id) > (:cv, :cid) OR t.slaDueAt IS NULL)', { cv: v, cid: after.id });
        }
        return;
      }
      case '-priority': {
        qb.orderBy('t.priorityRank', 'DESC').addOrderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'DESC');
        if (!after) return;
        const [rank, iso] = String(after.v).split('|');
        const v = new Date(iso);
        if (!/^\d$/.test(rank) || Number.isNaN(v.getTime())) throw bad();
        qb.andWhere('(t.priorityRank, t.createdAt, t.id) < (:rank, :cv, :cid)', { rank: Number(rank), cv: v, cid: after.id });
        return;
      }
    }
  }
}

function cursorOf(t: Ticket, sort: TicketSort): { v: string; id: string } {
  switch (sort) {
    case '-updated':
      return { v: t.updatedAt.toISOString(), id: t.id };
    case 'sla_due':
      return { v: t.slaDueAt ? t.slaDueAt.toISOString() : '', id: t.id };
    case '-priority':
      return { v: `${t.priorityRank}|${t.createdAt.toISOString()}`, id: t.id };
    default:
      return { v: t.createdAt.toISOString(), id: t.id };
  }
}
