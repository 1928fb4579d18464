// One change to one ticket inside a transaction: the fields to update, the activity entries and
// the notifications it causes. Services fill it; the writer persists it and runs the after-commit
// effects (SLA jobs, live events).
import { autoCloseDueAt, CommentVisibility, TransitionPatch } from '../domain';
import { NotificationAudience } from '../notifications/recipients.service';
import { SiteTicketSettings } from '../settings/ticket-settings.service';
import { ChangeActor } from './ticket-actor';
import { TicketActivityAction } from './ticket-activity.entity';
import { Ticket } from './ticket.entity';

export interface ActivityDraft {
  action: TicketActivityAction;
  visibility: CommentVisibility;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  actor: ChangeActor;
}

export interface AudienceDraft {
  to: NotificationAudience[];
  kind: string;
  title: string;
  body?: string | null;
}

/** Fields whose change is SLA bookkeeping: it does not bump the ticket's version. */
const BOOKKEEPING_FIELDS: ReadonlySet<keyof Ticket> = new Set<keyof Ticket>([
  'firstResponseWarnAt',
  'firstResponseDueAt',
  'firstResponseMetAt',
  'resolutionWarnAt',
  'resolutionDueAt',
  'resolutionMetAt',
  'slaStoppedAt',
  'slaPaused',
  'slaWarnAt',
  'slaDueAt',
  'slaBreached',
  'slaNextEscalationAt',
  'escalationsFired',
  'slaJobIds',
]);

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (a && b && typeof a === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

export class TicketChange {
  readonly patch: Partial<Ticket> = {};
  readonly activities: ActivityDraft[] = [];
  readonly notifications: AudienceDraft[] = [];
  /** Ticket as it was when locked (for before/after and the live event). */
  readonly original: Ticket;

  constructor(
    readonly ticket: Ticket,
    readonly actor: ChangeActor,
    readonly settings: SiteTicketSettings,
    readonly now: Date,
  ) {
    this.original = { ...ticket };
  }

  /** Sets fields that differ from the current values. */
  set(fields: Partial<Ticket>): void {
    for (const [k, v] of Object.entries(fields) as [keyof Ticket, unknown][]) {
      if (v === undefined || same(this.ticket[k], v)) continue;
      (this.patch as Record<string, unknown>)[k] = v;
      (this.ticket as unknown as Record<string, unknown>)[k] = v;
    }
  }

  get changed(): boolean {
    return Object.keys(this.patch).length > 0 || this.activities.length > 0;
  }

  /** Changed fields a client cares about (SLA bookkeeping left out). */
  get changedFields(): string[] {
    return Object.keys(this.patch).filter((k) => !BOOKKEEPING_FIELDS.has(k as keyof Ticket) || k === 'slaBreached');
  }

  get bumpsVersion(): boolean {
    return Object.keys(this.patch).some((k) => !BOOKKEEPING_FIELDS.has(k as keyof Ticket));
  }

  log(action: TicketActivityAction, opts: { visibility?: CommentVisibility; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; note?: string | null; actor?: ChangeActor } = {}): void {
    this.activities.push({ action, visibility: opts.visibility ?? 'public', before: opts.before ?? null, after: opts.after ?? null, note: opts.note ?? null, actor: opts.actor ?? this.actor });
  }

  notify(to: NotificationAudience[], kind: string, title: string, body?: string | null): void {
    this.notifications.push({ to, kind, title, body });
  }

  /** Applies an allowed transition: status, timeline, the patch's fields, auto-close time, log entries. */
  transition(p: TransitionPatch, actor: ChangeActor = this.actor): void {
    const from = this.ticket.status;
    const prevAssignee = this.ticket.assigneeId;
    this.set({
      status: p.status,
      statusTimeline: [...this.ticket.statusTimeline, { at: p.statusChangedAt.toISOString(), to: p.status }],
      assigneeId: p.assigneeId,
      holdReason: p.holdReason,
      resolutionNote: p.resolutionNote,
      resolvedAt: p.resolvedAt,
      closedAt: p.closedAt,
      cancelledAt: p.cancelledAt,
      reopenCount: p.reopenCount,
      firstResponseAt: p.firstResponseAt,
    });
    const s = this.settings;
    if (p.status === 'resolved' && this.ticket.resolvedAt) {
      // Whole days keep the wall-clock time across DST; fractions (tests) are exact milliseconds.
      this.set({ autoCloseAt: autoCloseDueAt(this.ticket.resolvedAt, s.autoCloseDays, Number.isInteger(s.autoCloseDays) ? s.timeZone : undefined) });
    } else if (this.ticket.autoCloseAt) {
      this.set({ autoCloseAt: null });
    }
    this.log('status_changed', { before: { status: from }, after: { status: p.status }, note: p.resolutionNote ?? p.reason ?? null, actor });
    if (p.assigneeId && p.assigneeId !== prevAssignee) {
      this.log('assigned', { before: { assigneeId: prevAssignee }, after: { assigneeId: p.assigneeId }, actor });
    }
  }
}
