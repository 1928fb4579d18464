import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import type { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, MetricsService, Principal } from '@app/core';
import type { SpeakerContext } from '../domain';
import { AnnouncementPlanner } from '../announcements/announcement-planner';
import { planSessionRecords } from '../policy/session-record-plan';
import { EffectRunner } from './effect-runner.service';
import { Applied, SpeakerStep } from './engine-effects';
import { SessionRecords } from './session-records';
import { SpeakerNotices } from './speaker-notices';
import { SpeakerStore } from './speaker-store';
import { WorkingStep } from './working-step';

export interface ApplyOptions {
  /** Session id for a session this command may start (a claimed queue place keeps its id). */
  newId?: () => string;
  /** Staff actions are audited in the command's transaction. */
  audit?: { actor: Principal; action: string; details?: Record<string, unknown> };
}

// A cryptographic source for pairing codes: [0, 1) in millionths, exactly what the code needs.
const cryptoRandom = (): number => randomInt(0, 1_000_000) / 1_000_000;

/**
 * Runs commands against one speaker: lock its row, reduce (the pure domain), start announcements
 * that are due, write state + session history + audit + inbox notices in one transaction, then
 * carry out the effects after the commit.
 */
@Injectable()
export class SpeakerEngine {
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly ended: Counter<'reason'>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: SpeakerStore,
    private readonly records: SessionRecords,
    private readonly planner: AnnouncementPlanner,
    private readonly runner: EffectRunner,
    private readonly notices: SpeakerNotices,
    private readonly audit: AuditService,
    metrics: MetricsService,
  ) {
    this.commands = metrics.counter('sc_speaker_commands_total', 'Speaker commands applied, by command and outcome (or refusal code)', ['command', 'outcome']);
    this.ended = metrics.counter('sc_speaker_sessions_ended_total', 'Speaker sessions ended, by reason', ['reason']);
  }

  async apply(speakerId: string, step: SpeakerStep, options: ApplyOptions = {}): Promise<Applied> {
    const applied = await this.db.transaction((m) => this.applyIn(m, speakerId, step, options));
    await this.afterCommit(applied);
    return applied;
  }

  /** Inside the caller's transaction (after any lock the caller must take first); call afterCommit once committed. */
  async applyIn(m: EntityManager, speakerId: string, step: SpeakerStep, options: ApplyOptions = {}): Promise<Applied> {
    const before = await this.store.lock(m, speakerId);
    const ctx: SpeakerContext = { now: Date.now(), zone: before.zone, random: cryptoRandom, newId: options.newId ?? randomUUID, timings: before.timings };
    const work = new WorkingStep(m, before, ctx);
    const returned = await step(work);
    await this.planner.startDue(work);
    const changed = JSON.stringify(work.state) !== JSON.stringify(before.state);
    const version = changed ? await this.store.saveState(m, speakerId, work.state) : before.version;
    await this.records.apply(m, before, planSessionRecords(work.steps, work.state, ctx.now));
    if (options.audit) {
      await this.audit.record(
        options.audit.actor,
        { action: options.audit.action, entityType: 'speaker', entityId: speakerId, siteId: before.siteId, after: options.audit.details ?? null },
        m,
      );
    }
    const notifications = await this.notices.store(m, before, work.effects, ctx.now);
    const result = returned ?? work.firstResult ?? { ok: true, outcome: 'done' };
    return { before, speaker: { ...before, state: work.state, version }, result, effects: work.effects, steps: work.steps, changed, notifications };
  }

  async afterCommit(applied: Applied): Promise<void> {
    for (const step of applied.steps) {
      this.commands.inc({ command: step.command.type, outcome: step.result.ok ? step.result.outcome : step.result.code });
      for (const effect of step.effects) if (effect.type === 'sessionEvent' && effect.event === 'ended') this.ended.inc({ reason: effect.reason ?? 'unknown' });
    }
    const failed = await this.runner.run(applied);
    for (const announcementId of failed) {
      await this.apply(applied.speaker.deviceId, async (step) => {
        await this.planner.finish(step, announcementId, 'failed', 'not_sent');
      });
    }
  }
}
