import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { Notification, Notifier } from '@app/notifications';
import { PlannedSlaJob, recomputeSla, slaJobPlan } from '../domain';
import { TicketLiveEvents, TicketEventName } from '../events/ticket-live-events.service';
import { RecipientsService } from '../notifications/recipients.service';
import { TicketSettingsService } from '../settings/ticket-settings.service';
import { SlaJobsService } from '../sla/sla-jobs.service';
import { ChangeActor } from './ticket-actor';
import { TicketActivity } from './ticket-activity.entity';
import { TicketChange } from './ticket-change';
import { Ticket } from './ticket.entity';
import { escalationTicket } from './workflow-ticket';

interface AfterCommit {
  ticket: Ticket;
  event: TicketEventName | null;
  changedAt: Date;
  changes: string[];
  plan: PlannedSlaJob[];
  previousJobIds: string[];
  notifications: Notification[];
}

export interface LockOptions {
  /** Tickets the caller may not see are "not found". */
  visible?: (t: Ticket) => boolean;
  /** Optimistic concurrency: the version the caller last saw (409 when the ticket moved on). */
  expectedVersion?: number;
}

/** One transaction over one or more tickets; effects run once it commits. */
export class TicketTx {
  constructor(
    readonly m: EntityManager,
    private readonly writer: TicketWriter,
    readonly effects: AfterCommit[],
  ) {}

  async lock(id: string, opts: LockOptions = {}): Promise<Ticket> {
    const t = await this.m.getRepository(Ticket).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
    if (!t || (opts.visible && !opts.visible(t))) throw DomainError.notFound('Ticket', id);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== t.version) {
      throw new DomainError('TICKET_VERSION_CONFLICT', 'conflict', `Ticket ${id} was changed by someone else (version ${t.version}, you sent ${opts.expectedVersion}); reload and try again`, {
        currentVersion: t.version,
        yourVersion: opts.expectedVersion,
      });
    }
    return t;
  }

  /** Runs `fn` on the ticket, recomputes its SLA, persists the change and queues the effects. */
  apply<T>(ticket: Ticket, actor: ChangeActor, fn: (c: TicketChange) => Promise<T> | T, opts: { insert?: boolean } = {}): Promise<T> {
    return this.writer.applyChange(this, ticket, actor, fn, opts.insert ?? false);
  }
}

/** The write path of every ticket change: lock, domain rules, SLA recompute, persist, effects. */
@Injectable()
export class TicketWriter {
  private readonly logger = new Logger(TicketWriter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: TicketSettingsService,
    private readonly recipients: RecipientsService,
    private readonly notifier: Notifier,
    private readonly slaJobs: SlaJobsService,
    private readonly live: TicketLiveEvents,
  ) {}

  async run<T>(fn: (tx: TicketTx) => Promise<T>): Promise<T> {
    const effects: AfterCommit[] = [];
    const result = await this.db.transaction((m) => fn(new TicketTx(m, this, effects)));
    await this.afterCommit(effects);
    return result;
  }

  async applyChange<T>(tx: TicketTx, ticket: Ticket, actor: ChangeActor, fn: (c: TicketChange) => Promise<T> | T, insert: boolean): Promise<T> {
    const m = tx.m;
    const settings = await this.settings.forSite(ticket.siteId, m);
    const c = new TicketChange(ticket, actor, settings, new Date());
    const result = await fn(c);

    const t = c.ticket;
    const { columns } = recomputeSla(
      {
        status: t.status,
        category: t.category,
        priority: t.priority,
        createdAt: t.createdAt,
        statusTimeline: t.statusTimeline.map((s) => ({ at: new Date(s.at), to: s.to })),
        firstResponseAt: t.firstResponseAt,
        slaBreached: t.slaBreached,
        escalationsFired: t.escalationsFired,
      },
      settings.table,
      settings.calendar,
      c.now,
    );
    const { stoppedAt, paused, ...rest } = columns;
    c.set({ ...rest, slaStoppedAt: stoppedAt, slaPaused: paused });
    const plan = slaJobPlan({ ...escalationTicket(t), id: t.id, escalationsFired: t.escalationsFired, resolvedAt: t.resolvedAt, autoCloseAt: t.autoCloseAt });
    c.set({ slaJobIds: plan.map((j) => j.jobId) });

    if (!insert && !c.changed) return result;
    const previousJobIds = insert ? [] : c.original.slaJobIds;
    if (insert) {
      // Every column listed: TypeORM otherwise leaves out the serial `number`, taken from the sequence already.
      const columns = m.connection.getMetadata(Ticket).columns.map((col) => col.propertyPath);
      await m.createQueryBuilder().insert().into(Ticket, columns).values(t).execute();
    } else if (Object.keys(c.patch).length > 0) {
      const set: Record<string, unknown> = { ...c.patch };
      // SLA bookkeeping alone (escalations fired, job ids) is not an edit: clients keep their version.
      if (!c.bumpsVersion) Object.assign(set, { version: () => '"version"', updatedAt: () => '"updatedAt"' });
      const res = await m.createQueryBuilder().update(Ticket).set(set).where('id = :id', { id: t.id }).returning(['version', 'updatedAt']).execute();
      const row = (res.raw as { version: number; updatedAt: Date }[])[0];
      t.version = row.version;
      t.updatedAt = new Date(row.updatedAt);
    }
    if (c.activities.length) {
      await m.getRepository(TicketActivity).insert(
        c.activities.map((a) => ({
          ticketId: t.id,
          at: c.now,
          actorRole: a.actor.role,
          actorId: a.actor.id,
          actorAccountId: a.actor.accountId,
          action: a.action,
          visibility: a.visibility,
          before: a.before,
          after: a.after,
          note: a.note,
        })) as object[],
      );
    }
    const drafts = [];
    for (const n of c.notifications) {
      const accountIds = await this.recipients.resolve(m, t, n.to, actor.accountId);
      if (accountIds.length) drafts.push({ accountIds, kind: n.kind, title: n.title, body: n.body, ref: { type: 'ticket', id: t.id } });
    }
    const stored = await this.notifier.store(m, drafts);
    const visibleChange = insert || c.bumpsVersion || c.activities.length > 0;
    tx.effects.push({
      ticket: { ...t },
      event: insert ? 'ticket.created' : visibleChange ? 'ticket.updated' : null,
      changedAt: c.now,
      changes: c.changedFields,
      plan,
      previousJobIds,
      notifications: stored,
    });
    return result;
  }

  private async afterCommit(effects: AfterCommit[]): Promise<void> {
    for (const e of effects) {
      try {
        await this.slaJobs.sync(e.ticket.id, e.plan, e.previousJobIds);
      } catch (err) {
        // The periodic sweep catches whatever a failed scheduling misses.
        this.logger.error(`scheduling SLA jobs of ticket ${e.ticket.id} failed: ${(err as Error).message}`);
      }
      if (e.event) await this.live.ticketChanged(e.event, e.ticket, e.changedAt, e.changes);
      this.notifier.push(e.notifications);
    }
  }
}
