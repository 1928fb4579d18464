import { EpochMs } from './daily-window';
import { generatePairingCode } from './pairing-code';
import {
  ResidentSnapshot,
  SessionActor,
  SpeakerCommand,
  SpeakerContext,
  SpeakerRefusalCode,
  SpeakerResult,
  SpeakerTransition,
} from './speaker-commands';
import {
  EndedSessionRecord,
  modeOf,
  QueueEntry,
  SessionEndReason,
  SpeakerSession,
  SpeakerState,
} from './speaker-state';
import { SpeakerStepBase } from './speaker-step-base';
import { clampVolume, effectiveCap } from './volume';
import { isOpen, isQuietHours, latestSessionEnd, nextQuietEnd } from './zone-rules';

const RECENTLY_ENDED_KEPT = 10;
const DONE: SpeakerResult = { ok: true, outcome: 'done' };

// The per-speaker state machine: (state, command, context) -> new state + effects + result.
// Pure: time, randomness and ids come from the context; nothing is published or stored here.
// Every step first applies whatever deadlines are due at ctx.now, so a late timer, a sweep or a
// late device event all see the same, time-consistent state.
export function reduceSpeaker(state: SpeakerState, command: SpeakerCommand, ctx: SpeakerContext): SpeakerTransition {
  const step = new Step(state, ctx);
  const queueBefore = step.queueSignature();
  step.reconcileZoneClock();
  step.applyDueDeadlines();
  const result = step.handle(command);
  step.applyDueDeadlines();
  step.settle();
  step.emitQueueChangeSince(queueBefore);
  return { state: step.state, effects: step.effects, result };
}

function refuse(code: SpeakerRefusalCode, message: string): SpeakerResult {
  return { ok: false, code, message };
}

// One reducer call: the handlers for each command, on top of the shared step helpers.
class Step extends SpeakerStepBase {
  handle(command: SpeakerCommand): SpeakerResult {
    switch (command.type) {
      case 'requestSession':
        return this.requestSession(command.resident);
      case 'claimTurn':
        return this.claimTurn(command.residentId);
      case 'leaveQueue':
        return this.leaveQueue(command.residentId);
      case 'btConnected':
        return this.btConnected(command.sessionId, command.code);
      case 'btDisconnected':
        return this.btDisconnected(command.sessionId, command.reason);
      case 'endSession':
        return this.endByActor(command.by, command.sessionId, command.note);
      case 'setVolume':
        return this.setVolume(command.by, command.sessionId, command.level);
      case 'volumeReported':
        return this.volumeReported(command.level);
      case 'tick':
        return DONE; // due deadlines were applied around every command
      case 'speakerOnline':
        this.state = { ...this.state, online: true };
        return DONE;
      case 'speakerOffline':
        return this.speakerOffline();
      case 'quietHoursStarted':
        this.startQuietHours();
        return DONE;
      case 'quietHoursEnded':
        this.endQuietHours();
        return DONE;
      case 'announcementStarted':
        return this.announcementStarted(command.announcementId, command.priority);
      case 'announcementFinished':
        return this.announcementFinished(command.announcementId);
      case 'zoneChanged':
        return this.zoneChanged();
    }
  }

  // ---- resident commands ----

  private requestSession(resident: ResidentSnapshot): SpeakerResult {
    const { residentId } = resident;
    const session = this.state.session;
    if (session?.residentId === residentId) {
      // Asking again is harmless: answer with what the resident already has.
      if (session.phase === 'pairing' && session.code !== null && session.codeExpiresAt !== null) {
        return { ok: true, outcome: 'pairing', sessionId: session.sessionId, code: session.code, until: session.codeExpiresAt };
      }
      return { ok: true, outcome: 'in_session', sessionId: session.sessionId, phase: session.phase };
    }
    const position = this.positionOf(residentId);
    if (position !== null) return { ok: true, outcome: 'queued', position, estimatedWaitMs: this.waitFor(position) };

    if (resident.banned) return refuse('banned', 'you are not allowed to use the community speakers at the moment');
    const elsewhere = resident.holdings.find((holding) => holding.speakerId !== this.state.speakerId);
    if (elsewhere) {
      const what = elsewhere.kind === 'session' ? 'a session' : 'a queue place';
      return refuse('already_holding', `you already hold ${what} at another speaker; one at a time`);
    }
    if (!this.state.online) return refuse('speaker_offline', 'this speaker is offline');
    const zone = this.ctx.zone;
    if (this.state.closed) return refuse('zone_closed', 'this leisure area is closed now');
    if (this.state.paused || (this.state.quiet && !zone.sessionsAllowedInQuietHours)) {
      return refuse('quiet_hours', 'quiet hours: resident sessions resume in the morning');
    }
    if (zone.dailySessionCap !== null && resident.sessionsToday >= zone.dailySessionCap) {
      return refuse('daily_cap_reached', `daily limit of ${zone.dailySessionCap} sessions reached`);
    }
    if (this.isFree()) return this.startPairing(residentId);
    if (this.state.queue.length >= zone.maxQueueLength) return refuse('queue_full', 'the queue for this speaker is full');
    const entry: QueueEntry = { residentId, joinedAt: this.now, offeredAt: null, claimDeadline: null };
    this.state = { ...this.state, queue: [...this.state.queue, entry] };
    const joined = this.state.queue.length;
    return { ok: true, outcome: 'queued', position: joined, estimatedWaitMs: this.waitFor(joined) };
  }

  private claimTurn(residentId: string): SpeakerResult {
    const position = this.positionOf(residentId);
    if (position === null) return refuse('not_in_queue', 'you are not in the queue for this speaker');
    const head = this.state.queue[0];
    if (position !== 1 || head.offeredAt === null || head.claimDeadline === null) {
      return refuse('not_your_turn', 'it is not your turn yet');
    }
    // Expired offers were already passed on by applyDueDeadlines, so this one is still valid.
    this.cancelTimer('claim_expiry', head.residentId, head.claimDeadline);
    this.state = { ...this.state, queue: this.state.queue.slice(1) };
    return this.startPairing(residentId);
  }

  private leaveQueue(residentId: string): SpeakerResult {
    const position = this.positionOf(residentId);
    if (position === null) return refuse('not_in_queue', 'you are not in the queue for this speaker');
    const entry = this.state.queue[position - 1];
    if (entry.claimDeadline !== null) this.cancelTimer('claim_expiry', entry.residentId, entry.claimDeadline);
    this.state = { ...this.state, queue: this.state.queue.filter((queued) => queued.residentId !== residentId) };
    return DONE;
  }

  private endByActor(by: SessionActor, sessionId: string | undefined, note: string | undefined): SpeakerResult {
    const session = this.state.session;
    if (!session || (sessionId !== undefined && session.sessionId !== sessionId)) {
      return refuse('session_not_found', 'no such session is running on this speaker');
    }
    if (by.kind === 'resident' && by.residentId !== session.residentId) {
      return refuse('not_your_session', 'you can only end your own session');
    }
    const reason: SessionEndReason = by.kind === 'resident' ? 'ended_by_resident' : 'ended_by_staff';
    this.endSession(reason, { disconnect: true, note: note ?? null });
    return DONE;
  }

  private setVolume(by: SessionActor, sessionId: string, level: number): SpeakerResult {
    const session = this.state.session;
    if (!session || session.sessionId !== sessionId) return refuse('session_not_found', 'no such session is running on this speaker');
    if (by.kind === 'resident' && by.residentId !== session.residentId) {
      return refuse('not_your_session', 'you can only change the volume of your own session');
    }
    if (session.phase !== 'connected') return refuse('not_connected', 'no phone is connected to this session yet');
    const decision = clampVolume(level, this.limits());
    this.state = { ...this.state, session: { ...session, volume: decision.level } };
    this.effects.push({ type: 'sendVolume', level: decision.level, cap: decision.cap });
    return { ok: true, outcome: 'volume', decision };
  }

  // ---- device events (at-least-once: every handler tolerates repeats and stale ids) ----

  private btConnected(sessionId: string, code: string): SpeakerResult {
    const session = this.state.session;
    if (!session || session.sessionId !== sessionId) {
      const ended = this.recentlyEnded(sessionId);
      if (ended && ended.reason !== 'pairing_expired' && ended.reason !== 'connection_lost') {
        // A late or repeated report for a session that ran and is over; make sure the phone is off.
        this.effects.push({ type: 'sendDisconnect', sessionId, reason: 'session_over' });
        return refuse('session_not_found', 'this session is over');
      }
      const expired = ended !== null;
      this.effects.push({ type: 'sendDisconnect', sessionId, reason: expired ? 'code_expired' : 'unknown_session' });
      return expired ? refuse('code_expired', 'the pairing code has expired') : refuse('session_not_found', 'no such session on this speaker');
    }
    if (session.phase === 'connected') return DONE; // repeated event
    if (session.code === null || code !== session.code) {
      // Throw the wrong phone off, and keep the window open for the right one.
      this.effects.push({ type: 'sendDisconnect', sessionId, reason: 'invalid_code' });
      this.sendPairingOpen(session);
      return refuse('invalid_code', 'wrong pairing code');
    }
    if (session.phase === 'pairing') this.connect(session);
    else this.reconnect(session);
    return DONE;
  }

  private btDisconnected(sessionId: string, reason: 'user' | 'kicked' | 'timeout' | 'out_of_range'): SpeakerResult {
    const session = this.state.session;
    // Stale (session already over) or nothing connected yet: nothing to do.
    if (!session || session.sessionId !== sessionId || session.phase !== 'connected') return DONE;
    if (reason === 'user') this.endSession('resident_disconnected', { disconnect: false });
    else if (reason === 'kicked') this.endSession('kicked_by_speaker', { disconnect: false });
    else this.startReconnectWindow(session);
    return DONE;
  }

  private volumeReported(level: number): SpeakerResult {
    if (!Number.isFinite(level)) return DONE;
    const { cap } = effectiveCap(this.limits());
    const session = this.state.session;
    if (level > cap) {
      // The speaker must never play louder than the cap: correct it at once.
      this.effects.push({ type: 'sendVolume', level: cap, cap });
      if (session?.phase === 'connected') this.state = { ...this.state, session: { ...session, volume: cap } };
    } else if (session?.phase === 'connected') {
      this.state = { ...this.state, session: { ...session, volume: Math.round(level) } };
    }
    return DONE;
  }

  private speakerOffline(): SpeakerResult {
    if (!this.state.online) return DONE;
    this.state = { ...this.state, online: false, announcement: null };
    if (this.state.session) this.endSession('speaker_offline', { disconnect: false });
    this.withdrawOffer('speaker_offline');
    return DONE;
  }

  // ---- quiet hours ----

  // Bring quiet and opening hours in line with the zone clock: the timers and the sweep call this
  // through any command, so a missed quietHoursStarted event is caught up.
  reconcileZoneClock(): void {
    const quietNow = isQuietHours(this.ctx.zone, this.now);
    if (quietNow && !this.state.quiet) this.startQuietHours();
    else if (!quietNow && this.state.quiet) this.endQuietHours();
    const closedNow = !isOpen(this.ctx.zone, this.now);
    if (closedNow === this.state.closed) return;
    this.state = { ...this.state, closed: closedNow };
    if (closedNow) {
      if (this.state.session) this.endSession('zone_closed', { disconnect: true });
      this.withdrawOffer('zone_closed');
    }
  }

  private startQuietHours(): void {
    if (this.state.quiet) return;
    this.state = { ...this.state, quiet: true };
    this.applyQuietRules();
  }

  private endQuietHours(): void {
    if (!this.state.quiet) return;
    this.state = { ...this.state, quiet: false, paused: false };
    this.applyCapToSession();
  }

  // Quiet hours in force: clamp the running session, or end it and hold the queue till morning.
  private applyQuietRules(): void {
    if (this.ctx.zone.sessionsAllowedInQuietHours) {
      this.state = { ...this.state, paused: false };
      this.applyCapToSession();
      return;
    }
    if (this.state.paused) return;
    this.state = { ...this.state, paused: true };
    if (this.state.session) this.endSession('quiet_hours', { disconnect: true });
    this.withdrawOffer('quiet_hours');
    const until = nextQuietEnd(this.ctx.zone, this.now);
    for (const entry of this.state.queue) {
      this.notify(entry.residentId, { kind: 'queue_paused', reason: 'quiet_hours', until });
    }
  }

  private zoneChanged(): SpeakerResult {
    if (this.state.quiet) {
      const mustPause = !this.ctx.zone.sessionsAllowedInQuietHours;
      if (mustPause) this.applyQuietRules();
      else this.state = { ...this.state, paused: false };
    }
    this.applyCapToSession();
    return DONE;
  }

  // ---- announcements ----

  private announcementStarted(announcementId: string, priority: 'normal' | 'emergency'): SpeakerResult {
    if (this.state.announcement?.announcementId === announcementId) return DONE;
    if (!this.state.online) return refuse('speaker_offline', 'this speaker is offline');
    this.state = { ...this.state, announcement: { announcementId, priority, startedAt: this.now } };
    const session = this.state.session;
    if (session && session.connectedAt !== null && session.interruptedAt === null) {
      this.cancelSessionClockTimers(session);
      this.state = { ...this.state, session: { ...session, interruptedAt: this.now } };
      this.notify(session.residentId, { kind: 'session_interrupted', sessionId: session.sessionId });
      this.sessionEvent(session, 'interrupted');
    }
    this.withdrawOffer('announcement');
    return DONE;
  }

  private announcementFinished(announcementId: string): SpeakerResult {
    if (this.state.announcement?.announcementId !== announcementId) {
      return refuse('announcement_not_playing', 'that announcement is not playing on this speaker');
    }
    this.state = { ...this.state, announcement: null };
    const session = this.state.session;
    if (session && session.interruptedAt !== null && session.endsAt !== null) this.resume(session, session.interruptedAt, session.endsAt);
    return DONE;
  }

  // Give back the time the announcement took, within the zone's hard stops (quiet hours, closing).
  private resume(session: SpeakerSession, interruptedAt: EpochMs, endsAt: EpochMs): void {
    const lost = this.now - interruptedAt;
    const newEnd = Math.min(endsAt + lost, latestSessionEnd(this.ctx.zone, this.now));
    const givenBackMs = Math.max(0, newEnd - endsAt);
    const resumed: SpeakerSession = {
      ...session,
      interruptedAt: null,
      endsAt: newEnd,
      warnAt: session.warned ? null : this.warnTimeFor(newEnd),
      interruptedMs: session.interruptedMs + lost,
      givenBackMs: session.givenBackMs + givenBackMs,
    };
    this.state = { ...this.state, session: resumed };
    this.scheduleSessionClockTimers(resumed);
    this.notify(session.residentId, { kind: 'session_resumed', sessionId: session.sessionId, endsAt: newEnd, givenBackMs });
    this.sessionEvent(resumed, 'resumed');
  }

  // ---- session lifecycle ----

  private startPairing(residentId: string): SpeakerResult {
    const code = generatePairingCode(this.ctx.random);
    const until = this.now + this.timings.pairingMs;
    const session: SpeakerSession = {
      sessionId: this.ctx.newId(),
      residentId,
      phase: 'pairing',
      createdAt: this.now,
      code,
      codeExpiresAt: until,
      connectedAt: null,
      endsAt: null,
      warnAt: null,
      warned: false,
      volume: 0,
      interruptedAt: null,
      interruptedMs: 0,
      givenBackMs: 0,
    };
    this.state = { ...this.state, session };
    this.sendPairingOpen(session);
    this.scheduleTimer('pairing_expiry', session.sessionId, until);
    this.notify(residentId, { kind: 'pairing', sessionId: session.sessionId, code, until });
    this.sessionEvent(session, 'pairing');
    return { ok: true, outcome: 'pairing', sessionId: session.sessionId, code, until };
  }

  private connect(session: SpeakerSession): void {
    if (session.codeExpiresAt !== null) this.cancelTimer('pairing_expiry', session.sessionId, session.codeExpiresAt);
    const endsAt = latestSessionEnd(this.ctx.zone, this.now);
    const warnAt = this.warnTimeFor(endsAt);
    const volume = clampVolume(this.ctx.zone.defaultVolume, this.limits());
    const connected: SpeakerSession = {
      ...session,
      phase: 'connected',
      code: null,
      codeExpiresAt: null,
      connectedAt: this.now,
      endsAt,
      warnAt,
      // Too short for a warning (clipped by quiet hours or closing): the end time is shown at once.
      warned: warnAt === null,
      volume: volume.level,
      // Connected while an announcement plays: its clock starts when the announcement ends.
      interruptedAt: this.state.announcement ? this.now : null,
    };
    this.state = { ...this.state, session: connected };
    if (connected.interruptedAt === null) this.scheduleSessionClockTimers(connected);
    this.effects.push({ type: 'sendVolume', level: volume.level, cap: volume.cap });
    this.notify(session.residentId, { kind: 'session_started', sessionId: session.sessionId, endsAt });
    this.sessionEvent(connected, 'connected');
  }

  private startReconnectWindow(session: SpeakerSession): void {
    const code = generatePairingCode(this.ctx.random);
    const until = this.now + this.timings.reconnectGraceMs;
    const reconnecting: SpeakerSession = { ...session, phase: 'reconnecting', code, codeExpiresAt: until };
    this.state = { ...this.state, session: reconnecting };
    this.sendPairingOpen(reconnecting);
    this.scheduleTimer('reconnect_expiry', session.sessionId, until);
    this.notify(session.residentId, { kind: 'reconnect_window', sessionId: session.sessionId, code, until });
    this.sessionEvent(reconnecting, 'reconnecting');
  }

  private reconnect(session: SpeakerSession): void {
    if (session.codeExpiresAt !== null) this.cancelTimer('reconnect_expiry', session.sessionId, session.codeExpiresAt);
    const connected: SpeakerSession = { ...session, phase: 'connected', code: null, codeExpiresAt: null };
    this.state = { ...this.state, session: connected };
    this.effects.push({ type: 'sendVolume', level: session.volume, cap: effectiveCap(this.limits()).cap });
    this.notify(session.residentId, { kind: 'session_reconnected', sessionId: session.sessionId, endsAt: session.endsAt ?? this.now });
    this.sessionEvent(connected, 'connected');
  }

  private endSession(reason: SessionEndReason, options: { disconnect: boolean; note?: string | null }): void {
    const session = this.state.session;
    if (!session) return;
    if (session.codeExpiresAt !== null) {
      this.cancelTimer(session.phase === 'pairing' ? 'pairing_expiry' : 'reconnect_expiry', session.sessionId, session.codeExpiresAt);
    }
    if (session.interruptedAt === null) this.cancelSessionClockTimers(session);
    const usedMs = usedTime(session, this.now);
    const record: EndedSessionRecord = { sessionId: session.sessionId, residentId: session.residentId, reason, at: this.now };
    this.state = {
      ...this.state,
      session: null,
      recentlyEnded: [record, ...this.state.recentlyEnded].slice(0, RECENTLY_ENDED_KEPT),
    };
    if (options.disconnect) this.effects.push({ type: 'sendDisconnect', sessionId: session.sessionId, reason });
    this.notify(session.residentId, {
      kind: 'session_ended',
      sessionId: session.sessionId,
      reason,
      usedMs,
      note: options.note ?? null,
    });
    this.effects.push({
      type: 'sessionEvent',
      event: 'ended',
      sessionId: session.sessionId,
      residentId: session.residentId,
      at: this.now,
      reason,
      usedMs,
      // Only sessions that really played count, and a speaker fault is not the resident's.
      countsTowardDailyCap: session.connectedAt !== null && reason !== 'speaker_offline',
    });
  }

  // ---- deadlines ----

  applyDueDeadlines(): void {
    const session = this.state.session;
    if (session) {
      if (session.codeExpiresAt !== null && this.now >= session.codeExpiresAt) {
        this.endSession(session.phase === 'pairing' ? 'pairing_expired' : 'connection_lost', { disconnect: session.phase !== 'pairing' });
      } else if (session.interruptedAt === null && session.endsAt !== null && this.now >= session.endsAt) {
        this.endSession('time_up', { disconnect: true });
      } else if (session.phase === 'connected' && session.interruptedAt === null && !session.warned && session.warnAt !== null && this.now >= session.warnAt) {
        this.state = { ...this.state, session: { ...session, warned: true } };
        this.notify(session.residentId, { kind: 'session_ending_soon', sessionId: session.sessionId, endsAt: session.endsAt ?? this.now });
      }
    }
    // An unclaimed turn passes to the next resident (who then gets a full claim window).
    let head = this.state.queue[0];
    while (head && head.claimDeadline !== null && this.now >= head.claimDeadline) {
      this.state = { ...this.state, queue: this.state.queue.slice(1) };
      this.notify(head.residentId, { kind: 'turn_missed' });
      this.offerNextTurn();
      head = this.state.queue[0];
    }
  }

  // After every command: hand a free speaker to the queue.
  settle(): void {
    this.offerNextTurn();
    this.reconcileMusic();
    this.state = { ...this.state, mode: modeOf(this.state) };
  }

}

// Playing time actually used: from connection to now, minus the time announcements took.
function usedTime(session: SpeakerSession, now: EpochMs): number {
  if (session.connectedAt === null) return 0;
  const frozenNow = session.interruptedAt !== null ? now - session.interruptedAt : 0;
  return Math.max(0, now - session.connectedAt - frozenNow - session.interruptedMs);
}
