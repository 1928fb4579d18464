import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/core';
import { dueEscalations, EscalationStep, formatTicketNumber, shouldAutoClose, SlaTargetKind } from '../domain';
import { NotificationAudience } from '../notifications/recipients.service';
import { systemActor } from '../tickets/ticket-actor';
import { TicketChange } from '../tickets/ticket-change';
import { TicketWriter } from '../tickets/ticket-writer.service';
import { applyTransitionWithNotices } from '../tickets/ticket-workflow.service';
import { escalationTicket } from '../tickets/workflow-ticket';

const TARGET_LABEL: Record<SlaTargetKind, string> = { first_response: 'first response', resolution: 'resolution' };
/** Tickets handled per sweep run (the next run continues). */
const SWEEP_BATCH = 500;

/** What the SLA jobs do: escalation steps (each once), auto-close, and the sweep over missed timers. */
@Injectable()
export class TicketSlaService {
  private readonly logger = new Logger(TicketSlaService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: TicketWriter,
  ) {}

  /**
   * Runs the escalation steps due now. The ticket row is locked and the fired keys are recorded in
   * the same transaction as the notices, so concurrent jobs, retries and the sweep fire each once.
   */
  async escalate(ticketId: string): Promise<string[]> {
    return this.ifExists<string[]>([], () =>
      this.writer.run(async (tx) => {
        const t = await tx.lock(ticketId);
        return tx.apply(t, systemActor('sla-escalation'), (c) => {
          const steps = dueEscalations(escalationTicket(t), c.now, t.escalationsFired);
          if (steps.length === 0) return [];
          for (const step of steps) this.fire(c, step);
          c.set({ escalationsFired: [...t.escalationsFired, ...steps.map((s) => s.key)] });
          return steps.filter((s) => !s.superseded).map((s) => s.key);
        });
      }),
    );
  }

  private fire(c: TicketChange, step: EscalationStep): void {
    const t = c.ticket;
    c.log('escalation', { visibility: 'internal', after: { target: step.target, level: step.level, dueAt: step.at.toISOString(), superseded: step.superseded } });
    if (step.superseded) return;
    const number = formatTicketNumber(t.number);
    const label = TARGET_LABEL[step.target];
    for (const action of step.actions) {
      if (action === 'mark_breached') c.set({ slaBreached: true });
      if (action === 'notify_assignee') {
        // Nobody assigned: whoever dispatches (the managers) must hear about it instead.
        const to: NotificationAudience[] = t.assigneeId ? ['assignee'] : ['managers'];
        const title = step.level === 'warn' ? `${number}: ${label} due soon` : `${number}: ${label} SLA breached`;
        c.notify(to, `sla.${step.level}`, title, t.title);
      }
      if (action === 'notify_manager') c.notify(['managers'], `sla.${step.level}`, `${number}: ${label} SLA breached`, t.title);
    }
  }

  /** Closes a resolved ticket nobody rated once its time has come (as the system). */
  async autoClose(ticketId: string): Promise<boolean> {
    return this.ifExists(false, () =>
      this.writer.run(async (tx) => {
        const t = await tx.lock(ticketId);
        return tx.apply(t, systemActor('auto-close'), (c) => {
          const s = c.settings;
          if (!shouldAutoClose(t, c.now, s.autoCloseDays, Number.isInteger(s.autoCloseDays) ? s.timeZone : undefined)) {
            // Rated, reopened or closed meanwhile: nothing left to close later either.
            if (t.status !== 'resolved' || (t.ratedAt && t.resolvedAt && t.ratedAt >= t.resolvedAt)) c.set({ autoCloseAt: null });
            return false;
          }
          applyTransitionWithNotices(c, 'closed', {});
          c.log('status_changed', { visibility: 'internal', note: `closed automatically ${s.autoCloseDays} day(s) after resolution without a rating` });
          return true;
        });
      }),
    );
  }

  /** The safety net: every escalation and auto-close whose timer should have fired by now. */
  async sweep(): Promise<{ escalated: number; autoClosed: number }> {
    const due: { id: string }[] = await this.db.query(`SELECT id FROM tickets WHERE "slaNextEscalationAt" <= now() ORDER BY "slaNextEscalationAt" LIMIT ${SWEEP_BATCH}`);
    let escalated = 0;
    for (const { id } of due) if ((await this.escalate(id)).length > 0) escalated++;
    const closing: { id: string }[] = await this.db.query(`SELECT id FROM tickets WHERE "autoCloseAt" <= now() ORDER BY "autoCloseAt" LIMIT ${SWEEP_BATCH}`);
    let autoClosed = 0;
    for (const { id } of closing) if (await this.autoClose(id)) autoClosed++;
    if (escalated || autoClosed) this.logger.log(`sweep caught ${escalated} escalation(s) and ${autoClosed} auto-close(s)`);
    return { escalated, autoClosed };
  }

  private async ifExists<T>(fallback: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      // A job for a ticket that no longer exists has nothing to do.
      if (err instanceof DomainError && err.kind === 'not_found') return fallback;
      throw err;
    }
  }
}
