import { Injectable } from '@nestjs/common';
import { decideAnnouncementStart, nextAnnouncementToPlay, transitionDelivery, type AnnouncementPlan, type DeliveryStatus } from '../domain';
import { StepContext } from '../engine/engine-effects';
import { toAnnouncementPlan } from '../policy/announcement-status';

interface PendingRow {
  id: string;
  priority: 'normal' | 'emergency';
  createdAt: Date;
  scheduledAt: Date | null;
  expiresAt: Date | null;
  text: string | null;
  audioUrl: string | null;
  durationMs: number;
}

/**
 * Announcements inside a speaker's locked command: after every command the speaker's queued
 * deliveries are checked, and the first that may start (emergency at once, normal in a gap or at
 * its time) is started on the state; its `speaker.announce` goes out after the commit.
 */
@Injectable()
export class AnnouncementPlanner {
  async startDue(step: StepContext): Promise<void> {
    const rows = (await step.m.query(
      `SELECT a.id, a.priority, a."createdAt", a."scheduledAt", a."expiresAt", a.text, a."audioUrl", a."durationMs"
       FROM speaker_announcement_deliveries d JOIN speaker_announcements a ON a.id = d."announcementId"
       WHERE d."speakerId" = $1 AND d.status = 'queued' AND a.status <> 'cancelled'`,
      [step.speaker.deviceId],
    )) as PendingRow[];
    if (!rows.length) return;
    const byId = new Map(rows.map((row) => [row.id, row]));
    let pending: AnnouncementPlan[] = [];
    for (const row of rows) {
      const plan = toAnnouncementPlan(row);
      if (decideAnnouncementStart(plan, step.state, step.now).action === 'expire') await this.settle(step, row.id, 'failed', 'expired');
      else pending.push(plan);
    }
    for (;;) {
      const next = nextAnnouncementToPlay(pending, step.state, step.now);
      if (!next) return;
      const row = byId.get(next.plan.announcementId)!;
      if (next.decision.preempts) await this.settle(step, next.decision.preempts, 'failed', 'preempted');
      const started = step.reduce({ type: 'announcementStarted', announcementId: row.id, priority: row.priority });
      if (!started.result.ok) return;
      await this.settle(step, row.id, 'sent');
      step.effect({ type: 'announce', announcementId: row.id, text: row.text, audioUrl: row.audioUrl, priority: row.priority, durationMs: row.durationMs });
      pending = pending.filter((plan) => plan.announcementId !== row.id);
    }
  }

  /**
   * The announcement ended on this speaker (played out, failed, stopped): its delivery gets its
   * final status and the session resumes with its time given back. True when the delivery changed.
   */
  async finish(step: StepContext, announcementId: string, outcome: 'played' | 'failed', error: string | null = null): Promise<boolean> {
    const playing = step.state.announcement?.announcementId === announcementId;
    if (playing) step.reduce({ type: 'announcementFinished', announcementId });
    // Only what was really playing to its end counts as played.
    return this.settle(step, announcementId, playing || outcome === 'failed' ? outcome : 'failed', playing ? error : (error ?? 'interrupted'));
  }

  /** Moves one delivery forward (never back); records the change for the status push. */
  async settle(step: StepContext, announcementId: string, next: DeliveryStatus, error: string | null = null): Promise<boolean> {
    const [row] = (await step.m.query(`SELECT status FROM speaker_announcement_deliveries WHERE "announcementId" = $1 AND "speakerId" = $2 FOR UPDATE`, [
      announcementId,
      step.speaker.deviceId,
    ])) as { status: DeliveryStatus }[];
    if (!row) return false;
    const transition = transitionDelivery(row.status, next);
    if (!transition.ok || !transition.changed) return false;
    const at = new Date(step.now);
    await step.m.query(
      `UPDATE speaker_announcement_deliveries SET status = $3, error = COALESCE($4, error),
         "sentAt" = CASE WHEN $3 = 'sent' THEN $5 ELSE "sentAt" END,
         "ackedAt" = CASE WHEN $3 = 'acked' THEN $5 ELSE "ackedAt" END,
         "finishedAt" = CASE WHEN $3 IN ('played', 'failed') THEN $5 ELSE "finishedAt" END,
         "updatedAt" = now()
       WHERE "announcementId" = $1 AND "speakerId" = $2`,
      [announcementId, step.speaker.deviceId, next, error, at],
    );
    step.effect({ type: 'announcementChanged', announcementId });
    return true;
  }
}
