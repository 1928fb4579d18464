import { EpochMs } from './daily-window';
import { SpeakerEffect } from './speaker-effects';
import { AnnouncementPriority, SessionPhase, SpeakerState } from './speaker-state';
import { SessionTimings } from './speaker-timers';
import { VolumeDecision } from './volume';
import { ZoneRules } from './zone-rules';

// A resident's place at some speaker: a session (any phase) or a queue place.
export interface ResidentHolding {
  readonly speakerId: string;
  readonly kind: 'session' | 'queue';
}

// What the service knows about the resident when they ask for a turn.
export interface ResidentSnapshot {
  readonly residentId: string;
  // Holdings across all speakers (see residentHoldings); holdings at this speaker are read from state.
  readonly holdings: readonly ResidentHolding[];
  // Sessions already counted today (site-local day) against the zone's daily cap.
  readonly sessionsToday: number;
  // isBanned(bans, residentId, now) from bans.ts.
  readonly banned: boolean;
}

export type SessionActor =
  | { readonly kind: 'resident'; readonly residentId: string }
  | { readonly kind: 'staff'; readonly staffId: string };

export type BtDisconnectReason = 'user' | 'kicked' | 'timeout' | 'out_of_range';

export type SpeakerCommand =
  | { readonly type: 'requestSession'; readonly resident: ResidentSnapshot }
  | { readonly type: 'claimTurn'; readonly residentId: string }
  | { readonly type: 'leaveQueue'; readonly residentId: string }
  | { readonly type: 'btConnected'; readonly sessionId: string; readonly code: string }
  | { readonly type: 'btDisconnected'; readonly sessionId: string; readonly reason: BtDisconnectReason }
  | { readonly type: 'endSession'; readonly by: SessionActor; readonly sessionId?: string; readonly note?: string }
  | { readonly type: 'setVolume'; readonly by: SessionActor; readonly sessionId: string; readonly level: number }
  | { readonly type: 'volumeReported'; readonly level: number }
  | { readonly type: 'tick' }
  | { readonly type: 'speakerOnline' }
  | { readonly type: 'speakerOffline' }
  | { readonly type: 'quietHoursStarted' }
  | { readonly type: 'quietHoursEnded' }
  | { readonly type: 'announcementStarted'; readonly announcementId: string; readonly priority: AnnouncementPriority }
  | { readonly type: 'announcementFinished'; readonly announcementId: string }
  // The zone's rules changed (caps, quiet hours…): re-apply them to what is running.
  | { readonly type: 'zoneChanged' };

export interface SpeakerContext {
  readonly now: EpochMs;
  readonly zone: ZoneRules;
  // [0, 1); a cryptographic source in production.
  readonly random: () => number;
  readonly newId: () => string;
  readonly timings?: Partial<SessionTimings>;
}

export type SpeakerRefusalCode =
  | 'banned'
  | 'already_holding'
  | 'speaker_offline'
  | 'zone_closed'
  | 'quiet_hours'
  | 'daily_cap_reached'
  | 'queue_full'
  | 'not_in_queue'
  | 'not_your_turn'
  | 'session_not_found'
  | 'not_your_session'
  | 'not_connected'
  | 'invalid_code'
  | 'code_expired'
  | 'announcement_not_playing';

export type SpeakerResult =
  | { readonly ok: true; readonly outcome: 'pairing'; readonly sessionId: string; readonly code: string; readonly until: EpochMs }
  | { readonly ok: true; readonly outcome: 'in_session'; readonly sessionId: string; readonly phase: SessionPhase }
  | { readonly ok: true; readonly outcome: 'queued'; readonly position: number; readonly estimatedWaitMs: number | null }
  | { readonly ok: true; readonly outcome: 'volume'; readonly decision: VolumeDecision }
  // Applied, or already in that state (device events are at-least-once, so repeats are fine).
  | { readonly ok: true; readonly outcome: 'done' }
  | { readonly ok: false; readonly code: SpeakerRefusalCode; readonly message: string };

export interface SpeakerTransition {
  readonly state: SpeakerState;
  readonly effects: readonly SpeakerEffect[];
  readonly result: SpeakerResult;
}
