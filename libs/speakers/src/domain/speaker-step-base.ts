import { EpochMs } from './daily-window';
import { estimatedWait } from './estimated-wait';
import { SpeakerContext } from './speaker-commands';
import { QueueBlock, QueueView, ResidentNotice, SpeakerEffect, SpeakerTimerKind } from './speaker-effects';
import { EndedSessionRecord, QueueEntry, SpeakerSession, SpeakerState } from './speaker-state';
import { DEFAULT_SESSION_TIMINGS, SessionTimings, speakerTimerId } from './speaker-timers';
import { clampVolume, VolumeLimits } from './volume';
import { appliedVolumeLimits, nextSessionsAllowedAt } from './zone-rules';
import { decideBackgroundMusic, sameMusic } from './background-music';

// What every step of the speaker reducer shares: the working state, the effects collected so far,
// queue offers and views, volume limits and the effect builders. Mutable, but only within one
// reduceSpeaker call; nothing escapes it except the final state and effects.
export abstract class SpeakerStepBase {
  readonly effects: SpeakerEffect[] = [];
  protected readonly timings: SessionTimings;

  constructor(
    public state: SpeakerState,
    protected readonly ctx: SpeakerContext,
  ) {
    this.timings = { ...DEFAULT_SESSION_TIMINGS, ...ctx.timings };
  }

  protected get now(): EpochMs {
    return this.ctx.now;
  }

  protected offerNextTurn(): void {
    const head = this.state.queue[0];
    if (!head || head.offeredAt !== null || this.state.session || this.queueBlock() !== null) return;
    const claimDeadline = this.now + this.timings.claimMs;
    const offered: QueueEntry = { ...head, offeredAt: this.now, claimDeadline };
    this.state = { ...this.state, queue: [offered, ...this.state.queue.slice(1)] };
    this.scheduleTimer('claim_expiry', head.residentId, claimDeadline);
    this.notify(head.residentId, { kind: 'turn_offered', claimDeadline });
  }

  // Take back an offer the resident can no longer use right now; they keep the head of the queue
  // and get a fresh, full claim window once the speaker is usable again.
  protected withdrawOffer(reason: QueueBlock): void {
    const head = this.state.queue[0];
    if (!head || head.claimDeadline === null) return;
    this.cancelTimer('claim_expiry', head.residentId, head.claimDeadline);
    const withdrawn: QueueEntry = { ...head, offeredAt: null, claimDeadline: null };
    this.state = { ...this.state, queue: [withdrawn, ...this.state.queue.slice(1)] };
    this.notify(head.residentId, { kind: 'turn_withdrawn', reason });
  }

  protected queueBlock(): QueueBlock | null {
    if (!this.state.online) return 'speaker_offline';
    if (this.state.paused) return 'quiet_hours';
    if (this.state.closed) return 'zone_closed';
    if (this.state.announcement) return 'announcement';
    return null;
  }

  protected isFree(): boolean {
    return !this.state.session && this.state.queue.length === 0 && this.queueBlock() === null;
  }

  // ---- queue views ----

  // Who is queued, who holds an offer, and what holds the queue (only worth telling when someone waits).
  queueSignature(): string {
    const queue = this.state.queue.map((entry) => [entry.residentId, entry.offeredAt !== null]);
    return JSON.stringify(queue.length === 0 ? [] : [queue, this.queueBlock()]);
  }

  // Publishes the queue when its order, offers or block changed; a queue held by quiet or closing
  // hours also gets a wake-up timer for when sessions are allowed again.
  emitQueueChangeSince(before: string): void {
    if (this.queueSignature() === before) return;
    const block = this.queueBlock();
    if (this.state.queue.length > 0 && (block === 'quiet_hours' || block === 'zone_closed')) {
      const resumeAt = nextSessionsAllowedAt(this.ctx.zone, this.now);
      if (resumeAt !== null && resumeAt > this.now) this.scheduleTimer('queue_resume', 'queue', resumeAt);
    }
    const entries: QueueView[] = this.state.queue.map((entry, index) => ({
      residentId: entry.residentId,
      position: index + 1,
      estimatedWaitMs: this.waitFor(index + 1),
      offered: entry.offeredAt !== null,
    }));
    this.effects.push({ type: 'queueChanged', entries, blockedBy: block });
  }

  protected waitFor(position: number): number | null {
    return estimatedWait(position, this.state, this.ctx.zone, this.now)?.waitMs ?? null;
  }

  protected positionOf(residentId: string): number | null {
    const index = this.state.queue.findIndex((entry) => entry.residentId === residentId);
    return index < 0 ? null : index + 1;
  }

  protected recentlyEnded(sessionId: string): EndedSessionRecord | null {
    return this.state.recentlyEnded.find((record) => record.sessionId === sessionId) ?? null;
  }

  // ---- volume ----

  protected limits(): VolumeLimits {
    return appliedVolumeLimits(this.ctx.zone, this.state.quiet);
  }

  // Background music follows the state after every command: started on an idle speaker inside a
  // schedule, stopped for a session or an announcement, re-sent when the cap in force changes.
  protected reconcileMusic(): void {
    const decision = decideBackgroundMusic(this.ctx.zone, this.state, this.now, this.limits());
    const wanted = decision.action === 'play' ? decision.music : null;
    const current = this.state.music ?? null;
    if (sameMusic(current, wanted)) return;
    this.state = { ...this.state, music: wanted };
    // An offline speaker lost its music anyway; it is started again once it is back.
    if (!this.state.online) return;
    if (wanted) this.effects.push({ type: 'sendMusic', action: 'play', ...wanted });
    else this.effects.push({ type: 'sendMusic', action: 'stop' });
  }

  protected applyCapToSession(): void {
    const session = this.state.session;
    if (!session || session.phase !== 'connected') return;
    const decision = clampVolume(session.volume, this.limits());
    this.state = { ...this.state, session: { ...session, volume: decision.level } };
    this.effects.push({ type: 'sendVolume', level: decision.level, cap: decision.cap });
    if (decision.clamped) {
      this.notify(session.residentId, { kind: 'volume_clamped', sessionId: session.sessionId, level: decision.level, cap: decision.cap });
    }
  }

  // ---- effect helpers ----

  protected warnTimeFor(endsAt: EpochMs): EpochMs | null {
    const warnAt = endsAt - this.timings.warningMs;
    return warnAt > this.now ? warnAt : null;
  }

  protected scheduleSessionClockTimers(session: SpeakerSession): void {
    if (session.warnAt !== null && !session.warned) this.scheduleTimer('session_warning', session.sessionId, session.warnAt);
    if (session.endsAt !== null) this.scheduleTimer('session_end', session.sessionId, session.endsAt);
  }

  protected cancelSessionClockTimers(session: SpeakerSession): void {
    if (session.warnAt !== null && !session.warned) this.cancelTimer('session_warning', session.sessionId, session.warnAt);
    if (session.endsAt !== null) this.cancelTimer('session_end', session.sessionId, session.endsAt);
  }

  protected sendPairingOpen(session: SpeakerSession): void {
    if (session.code === null || session.codeExpiresAt === null) return;
    this.effects.push({
      type: 'sendPairingOpen',
      sessionId: session.sessionId,
      code: session.code,
      until: new Date(session.codeExpiresAt).toISOString(),
    });
  }

  protected scheduleTimer(kind: SpeakerTimerKind, subject: string, at: EpochMs): void {
    this.effects.push({ type: 'scheduleTimer', kind, at, id: speakerTimerId(this.state.speakerId, kind, subject, at) });
  }

  protected cancelTimer(kind: SpeakerTimerKind, subject: string, at: EpochMs): void {
    this.effects.push({ type: 'cancelTimer', kind, id: speakerTimerId(this.state.speakerId, kind, subject, at) });
  }

  protected notify(residentId: string, notice: ResidentNotice): void {
    this.effects.push({ type: 'notifyResident', residentId, notice });
  }

  protected sessionEvent(session: SpeakerSession, event: 'pairing' | 'connected' | 'reconnecting' | 'interrupted' | 'resumed'): void {
    this.effects.push({ type: 'sessionEvent', event, sessionId: session.sessionId, residentId: session.residentId, at: this.now });
  }
}
