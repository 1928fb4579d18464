import { EpochMs } from './daily-window';
import { SessionEndReason, SessionPhase } from './speaker-state';

export type SpeakerTimerKind =
  | 'pairing_expiry'
  | 'reconnect_expiry'
  | 'claim_expiry'
  | 'session_warning'
  | 'session_end'
  | 'queue_resume';

export type QueueBlock = 'speaker_offline' | 'quiet_hours' | 'zone_closed' | 'announcement';

// What the resident's app is told (pushed privately to that resident only).
export type ResidentNotice =
  | { readonly kind: 'pairing'; readonly sessionId: string; readonly code: string; readonly until: EpochMs }
  | { readonly kind: 'reconnect_window'; readonly sessionId: string; readonly code: string; readonly until: EpochMs }
  | { readonly kind: 'turn_offered'; readonly claimDeadline: EpochMs }
  | { readonly kind: 'turn_missed' }
  | { readonly kind: 'turn_withdrawn'; readonly reason: QueueBlock }
  | { readonly kind: 'session_started'; readonly sessionId: string; readonly endsAt: EpochMs }
  | { readonly kind: 'session_reconnected'; readonly sessionId: string; readonly endsAt: EpochMs }
  | { readonly kind: 'session_ending_soon'; readonly sessionId: string; readonly endsAt: EpochMs }
  | {
      readonly kind: 'session_ended';
      readonly sessionId: string;
      readonly reason: SessionEndReason;
      readonly usedMs: number;
      readonly note: string | null;
    }
  | { readonly kind: 'session_interrupted'; readonly sessionId: string }
  | { readonly kind: 'session_resumed'; readonly sessionId: string; readonly endsAt: EpochMs; readonly givenBackMs: number }
  | { readonly kind: 'volume_clamped'; readonly sessionId: string; readonly level: number; readonly cap: number }
  | { readonly kind: 'queue_paused'; readonly reason: QueueBlock; readonly until: EpochMs | null };

export interface QueueView {
  readonly residentId: string;
  readonly position: number;
  readonly estimatedWaitMs: number | null;
  readonly offered: boolean;
}

// Device command effects carry exactly the PROTOCOL.md `data` of the command to publish.
export type SpeakerEffect =
  | { readonly type: 'sendPairingOpen'; readonly sessionId: string; readonly code: string; readonly until: string }
  | { readonly type: 'sendDisconnect'; readonly sessionId: string; readonly reason: string }
  | { readonly type: 'sendVolume'; readonly level: number; readonly cap: number }
  // The `speaker.music` extension (docs/protocol-extensions.md): play carries level and cap.
  | { readonly type: 'sendMusic'; readonly action: 'play'; readonly playlist: string | null; readonly level: number; readonly cap: number }
  | { readonly type: 'sendMusic'; readonly action: 'stop' }
  | { readonly type: 'notifyResident'; readonly residentId: string; readonly notice: ResidentNotice }
  | { readonly type: 'scheduleTimer'; readonly kind: SpeakerTimerKind; readonly at: EpochMs; readonly id: string }
  | { readonly type: 'cancelTimer'; readonly kind: SpeakerTimerKind; readonly id: string }
  | { readonly type: 'queueChanged'; readonly entries: readonly QueueView[]; readonly blockedBy: QueueBlock | null }
  // For the session record and audit trail (persisted by the service).
  | {
      readonly type: 'sessionEvent';
      readonly event: 'created' | SessionPhase | 'interrupted' | 'resumed' | 'ended';
      readonly sessionId: string;
      readonly residentId: string;
      readonly at: EpochMs;
      readonly reason?: SessionEndReason;
      readonly usedMs?: number;
      // Whether this session uses up one of the resident's daily sessions.
      readonly countsTowardDailyCap?: boolean;
    };
