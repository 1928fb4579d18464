import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canReachSite, DomainError, FieldProblem, Principal, RateLimiter } from '@app/core';
import { DUPLICATE_WINDOW_HOURS, findDuplicateCandidates, formatTicketNumber, initialPriority, OPEN_STATUSES, suggestPriority, TICKET_PRIORITIES, TicketCategory, TicketPriority } from '../domain';
import { TicketSettingsService } from '../settings/ticket-settings.service';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { HouseholdLookup } from './household-lookup.service';
import { actorFromPrincipal, ChangeActor } from './ticket-actor';
import { TicketAssignmentService } from './ticket-assignment.service';
import { ReporterKind, Ticket } from './ticket.entity';
import { ticketDetail, TicketDetailView } from './ticket-views';
import { TicketWriter } from './ticket-writer.service';

const bad = (problems: FieldProblem[]) => DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);

/** What a new ticket is about and who reported it (residents, staff, maintenance plans). */
export interface NewTicket {
  siteId: string;
  buildingId: string | null;
  unitId: string | null;
  location: string | null;
  category: TicketCategory;
  requestedPriority?: TicketPriority;
  title: string;
  description: string;
  preferredWindow?: { from: string; to: string } | null;
  reporterKind: ReporterKind;
  reporterId: string;
  reporterAccountId: string | null;
  planId?: string | null;
  occurrenceKey?: string | null;
}

@Injectable()
export class TicketCreateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: TicketWriter,
    private readonly settings: TicketSettingsService,
    private readonly household: HouseholdLookup,
    private readonly assignment: TicketAssignmentService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** POST /tickets: a resident reports for a household unit or a common area; staff may too. */
  async createFromRequest(principal: Principal, dto: CreateTicketDto): Promise<TicketDetailView> {
    if (!!dto.unitId === !!dto.location) {
      const reason = 'give exactly one of unitId (your home) or location (a common area)';
      throw bad([
        { field: 'unitId', reason },
        { field: 'location', reason },
      ]);
    }
    if (dto.preferredWindow && new Date(dto.preferredWindow.to).getTime() <= new Date(dto.preferredWindow.from).getTime()) {
      throw bad([{ field: 'preferredWindow.to', reason: 'must be after preferredWindow.from' }]);
    }
    const where = await this.resolvePlace(principal, dto);
    if (principal.role === 'resident') {
      const settings = await this.settings.forSite(where.siteId);
      const rate = await this.rateLimiter.hit('ticket-create', principal.residentId ?? principal.accountId, settings.createLimitPerHour, 3600);
      if (!rate.allowed) {
        throw new DomainError('TOO_MANY_TICKETS', 'too_many_requests', `At most ${settings.createLimitPerHour} tickets per hour; please try again later`, undefined, rate.retryAfterSeconds);
      }
    }
    const actor = actorFromPrincipal(principal, where.unitIds);
    const ticket = await this.create(
      {
        ...where,
        category: dto.category,
        requestedPriority: dto.priority,
        title: dto.title,
        description: dto.description,
        preferredWindow: dto.preferredWindow ? { from: dto.preferredWindow.from, to: dto.preferredWindow.to } : null,
        reporterKind: principal.role === 'resident' ? 'resident' : 'staff',
        reporterId: actor.id,
        reporterAccountId: principal.accountId,
      },
      actor,
    );
    return ticketDetail(ticket, new Date());
  }

  private async resolvePlace(p: Principal, dto: CreateTicketDto): Promise<{ siteId: string; buildingId: string | null; unitId: string | null; location: string | null; unitIds: string[] }> {
    if (p.role === 'resident') {
      const units = p.residentId ? await this.household.units(p.residentId) : [];
      const unitIds = units.map((u) => u.unitId);
      if (dto.unitId) {
        const u = units.find((x) => x.unitId === dto.unitId);
        if (!u) throw new DomainError('TICKET_UNIT_NOT_IN_HOUSEHOLD', 'forbidden', 'unitId is not one of your household’s units', [{ field: 'unitId', reason: 'is not one of your household’s units' }]);
        return { siteId: u.siteId, buildingId: u.buildingId, unitId: u.unitId, location: null, unitIds };
      }
      const sites = [...new Set([...units.map((u) => u.siteId), ...p.siteIds])];
      const siteId = dto.siteId ?? (sites.length === 1 ? sites[0] : undefined);
      if (!siteId) throw bad([{ field: 'siteId', reason: 'is required: you live at several sites' }]);
      if (!sites.includes(siteId)) throw bad([{ field: 'siteId', reason: 'is not a site you live at' }]);
      return { siteId, buildingId: await this.checkBuilding(siteId, dto.buildingId), unitId: null, location: dto.location!, unitIds };
    }
    if (dto.unitId) {
      const [u]: { siteId: string; buildingId: string }[] = await this.db.query(`SELECT "siteId", "buildingId" FROM units WHERE id = $1`, [dto.unitId]);
      if (!u || !canReachSite(p, u.siteId)) throw bad([{ field: 'unitId', reason: 'is not a unit of your sites' }]);
      return { siteId: u.siteId, buildingId: u.buildingId, unitId: dto.unitId, location: null, unitIds: [] };
    }
    const siteId = dto.siteId ?? (p.siteIds.length === 1 ? p.siteIds[0] : undefined);
    if (!siteId) throw bad([{ field: 'siteId', reason: 'is required for a common-area ticket' }]);
    if (!canReachSite(p, siteId)) throw bad([{ field: 'siteId', reason: 'is not one of your sites' }]);
    return { siteId, buildingId: await this.checkBuilding(siteId, dto.buildingId), unitId: null, location: dto.location!, unitIds: [] };
  }

  private async checkBuilding(siteId: string, buildingId: string | undefined): Promise<string | null> {
    if (!buildingId) return null;
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM buildings WHERE id = $1 AND "siteId" = $2`, [buildingId, siteId]);
    if (rows.length === 0) throw bad([{ field: 'buildingId', reason: 'is not a building of this site' }]);
    return buildingId;
  }

  /**
   * Creates a ticket in one transaction: priority from the text, duplicate flag, SLA due times,
   * auto-assignment, activity and notifications; SLA timers and live events follow the commit.
   * A maintenance occurrence that already has its ticket returns null (unique (planId, occurrenceKey)).
   */
  async create(n: NewTicket, actor: ChangeActor): Promise<Ticket> {
    const suggestion = suggestPriority(n.category, n.title, n.description);
    const priority = initialPriority(n.requestedPriority, suggestion);
    const now = new Date();
    const duplicate = n.location ? await this.findDuplicate(n, now) : null;
    // Decided before the ticket's transaction: the site's round-robin lock is held only briefly.
    const decision = await this.assignment.decide({ siteId: n.siteId, category: n.category, priority, preferAssigneeId: null });
    return this.writer.run(async (tx) => {
      const [{ n: number }]: { n: number }[] = await tx.m.query(`SELECT nextval(pg_get_serial_sequence('tickets', 'number'))::int AS n`);
      const t = Object.assign(new Ticket(), {
        id: randomUUID(),
        number,
        siteId: n.siteId,
        buildingId: n.buildingId,
        unitId: n.unitId,
        location: n.location,
        category: n.category,
        priority,
        priorityRank: TICKET_PRIORITIES.indexOf(priority),
        status: 'new',
        title: n.title,
        description: n.description,
        preferredWindow: n.preferredWindow ?? null,
        emergency: suggestion.emergency,
        emergencyReasons: suggestion.reasons,
        reporterKind: n.reporterKind,
        reporterId: n.reporterId,
        reporterAccountId: n.reporterAccountId,
        assigneeId: null,
        likelyDuplicateOfId: duplicate?.ticketId ?? null,
        mergedIntoId: null,
        watcherAccountIds: [],
        holdReason: null,
        resolutionNote: null,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        cancelledAt: null,
        reopenCount: 0,
        statusTimeline: [],
        slaBreached: false,
        escalationsFired: [],
        slaJobIds: [],
        autoCloseAt: null,
        ratedAt: null,
        ratingScore: null,
        planId: n.planId ?? null,
        occurrenceKey: n.occurrenceKey ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      } satisfies Partial<Ticket>);
      await tx.apply(
        t,
        actor,
        async (c) => {
          c.log('created', { after: { category: t.category, priority, unitId: t.unitId, location: t.location, emergency: t.emergency, planId: t.planId } });
          if (duplicate) {
            c.log('duplicate_flagged', { visibility: 'internal', after: { ticketId: duplicate.ticketId, number: duplicate.number ?? null } });
          }
          this.assignment.apply(c, decision);
        },
        { insert: true },
      );
      return t;
    });
  }

  private async findDuplicate(n: NewTicket, now: Date): Promise<{ ticketId: string; number?: string } | null> {
    const rows: { id: string; number: number; category: TicketCategory; location: string; status: Ticket['status']; createdAt: Date }[] = await this.db.query(
      `SELECT id, number, category, location, status, "createdAt" FROM tickets
        WHERE "siteId" = $1 AND category = $2 AND "unitId" IS NULL AND "createdAt" > $3 AND status = ANY($4::text[])
        ORDER BY "createdAt" DESC LIMIT 200`,
      [n.siteId, n.category, new Date(now.getTime() - DUPLICATE_WINDOW_HOURS * 3_600_000), [...OPEN_STATUSES]],
    );
    const found = findDuplicateCandidates(
      { category: n.category, location: n.location, unitId: n.unitId, createdAt: now },
      rows.map((r) => ({ id: r.id, number: formatTicketNumber(r.number), category: r.category, location: r.location, unitId: null, status: r.status, createdAt: new Date(r.createdAt) })),
    );
    return found[0] ? { ticketId: found[0].ticketId, number: found[0].number } : null;
  }
}
