import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, FieldProblem } from '@app/core';
import { AssignmentDecision, canTransition, chooseAssignee, directorySkillsFor, formatTicketNumber, requiredSkill, StaffCandidate, TicketCategory, TicketPriority, ticketSkillsOf } from '../domain';
import { TicketSettingsService } from '../settings/ticket-settings.service';
import { systemActor } from './ticket-actor';
import { TicketChange } from './ticket-change';
import { workflowTicket } from './workflow-ticket';

// Literal statuses (not a parameter) so the planner can use the partial open-work index.
const OPEN_SQL = `('new', 'assigned', 'in_progress', 'on_hold', 'reopened')`;

export interface AssignmentRequest {
  siteId: string;
  category: TicketCategory;
  priority: TicketPriority;
  preferAssigneeId: string | null;
}

/** Auto-assignment (create, reopen) and the checks behind manual assignment. */
@Injectable()
export class TicketAssignmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: TicketSettingsService,
  ) {}

  /**
   * Technicians of the site with their open work, in one query. Open work is counted only for those
   * the decision can pick (on shift and skilled, or anyone on shift for an emergency), on the partial
   * open-work index, so the count stays small on a busy site. It is read outside the pointer lock:
   * concurrent creations cannot see each other's uncommitted tickets anyway.
   */
  async candidates(m: EntityManager, r: Omit<AssignmentRequest, 'preferAssigneeId'>): Promise<StaffCandidate[]> {
    const rows: { id: string; active: boolean; onShift: boolean; skills: string[]; open: number }[] = await m.query(
      `SELECT s.id, s.active, s."onShift", s.skills,
              CASE WHEN s."onShift" AND ($2::boolean OR s.skills && $3::text[])
                   THEN (SELECT count(*) FROM tickets t WHERE t."assigneeId" = s.id AND t.status IN ${OPEN_SQL}) ELSE 0 END::int AS open
         FROM staff s WHERE s.position = 'technician' AND s.active AND $1::uuid = ANY(s."siteIds")`,
      [r.siteId, r.priority === 'emergency', directorySkillsFor(requiredSkill(r.category))],
    );
    return rows.map((s) => ({ id: s.id, active: s.active, onShift: s.onShift, skills: ticketSkillsOf(s.skills), openTickets: s.open }));
  }

  /**
   * Decides under the site's round-robin lock and advances the pointer. Without a manager it runs in
   * its own short transaction (before the ticket's, so the site lock is held only briefly); with one
   * (reopen) inside the caller's transaction.
   */
  async decide(r: AssignmentRequest, m?: EntityManager): Promise<AssignmentDecision> {
    const staff = await this.candidates(m ?? this.db.manager, r);
    const run = async (tx: EntityManager, own: boolean) => {
      // In its own transaction a lost pointer update (crash) only changes whose turn it is: skip the fsync wait.
      const lock = (): Promise<{ roundRobin: Record<string, string> }[]> =>
        tx.query(`SELECT ${own ? `set_config('synchronous_commit', 'off', true), ` : ''}"roundRobin" FROM ticket_settings WHERE "siteId" = $1 FOR UPDATE`, [r.siteId]);
      let [row] = await lock();
      if (!row) {
        // The site's first ticket: its settings row (which holds the pointers) is created on demand.
        await this.settings.ensureRow(tx, r.siteId);
        [row] = await lock();
      }
      const decision = chooseAssignee({ category: r.category, priority: r.priority, staff, lastAssigned: row?.roundRobin ?? {}, preferAssigneeId: r.preferAssigneeId });
      if (decision.assigneeId !== null && decision.roundRobin && row?.roundRobin[decision.roundRobin.key] !== decision.roundRobin.lastAssignedId) {
        await tx.query(`UPDATE ticket_settings SET "roundRobin" = "roundRobin" || jsonb_build_object($2::text, $3::text) WHERE "siteId" = $1`, [r.siteId, decision.roundRobin.key, decision.roundRobin.lastAssignedId]);
      }
      return decision;
    };
    return m ? run(m, false) : this.db.transaction((tx) => run(tx, true));
  }

  /** Applies a decision to a new or reopened ticket: the system's 'assigned' transition and the notices. */
  apply(c: TicketChange, decision: AssignmentDecision): void {
    const t = c.ticket;
    if (t.status !== 'new' && t.status !== 'reopened') return;
    const number = formatTicketNumber(t.number);
    if (decision.assigneeId === null) {
      c.log('auto_assign_failed', { visibility: 'internal', after: { reason: decision.reason }, actor: systemActor('auto-assign') });
      c.notify(['managers'], 'ticket.unassigned', `${number} needs an assignee`, `No technician could be assigned automatically (${decision.reason.replace(/_/g, ' ')}).`);
      return;
    }
    const system = systemActor('auto-assign');
    const r = canTransition(workflowTicket(t), 'assigned', system, { now: c.now, assigneeId: decision.assigneeId });
    if (!r.ok) return;
    c.transition(r.patch, system);
    c.notify([{ staffId: decision.assigneeId }], 'ticket.assigned', `${number} assigned to you`, t.title);
    if (decision.notifyManager) c.notify(['managers'], 'ticket.emergency', `Emergency ${number}: ${t.title}`, `Assigned automatically (${decision.basis.replace(/_/g, ' ')}).`);
  }

  /** Decides and applies inside the caller's transaction (a reopened ticket goes back to its technician if possible). */
  async autoAssign(m: EntityManager, c: TicketChange, opts: { preferPrevious: boolean }): Promise<void> {
    const t = c.ticket;
    if (t.status !== 'new' && t.status !== 'reopened') return;
    this.apply(c, await this.decide({ siteId: t.siteId, category: t.category, priority: t.priority, preferAssigneeId: opts.preferPrevious ? t.assigneeId : null }, m));
  }

  /** The staff member a manager names must be active staff of the ticket's site. */
  async assertAssignable(m: EntityManager, siteId: string, staffId: string): Promise<void> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM staff WHERE id = $1 AND active AND $2::uuid = ANY("siteIds")`, [staffId, siteId]);
    if (rows.length === 0) {
      const problem: FieldProblem = { field: 'assigneeId', reason: 'is not active staff of this ticket’s site' };
      throw DomainError.badRequest(`Validation failed: assigneeId ${problem.reason}`, [problem]);
    }
  }
}
