import type { PlayingMusic } from './background-music';
import { EpochMs } from './daily-window';

// background: no resident session or announcement, the zone's background music plays.
export type SpeakerMode = 'idle' | 'background' | 'pairing' | 'active' | 'announcing';

// pairing: waiting for the phone with the one-time code; connected: playing;
// reconnecting: the phone dropped out of range and may come back with a fresh code before its grace ends.
export type SessionPhase = 'pairing' | 'connected' | 'reconnecting';

export type AnnouncementPriority = 'normal' | 'emergency';

export interface SpeakerSession {
  readonly sessionId: string;
  readonly residentId: string;
  readonly phase: SessionPhase;
  readonly createdAt: EpochMs;
  // The one-time code the speaker currently accepts (null once a phone is connected).
  readonly code: string | null;
  readonly codeExpiresAt: EpochMs | null;
  readonly connectedAt: EpochMs | null;
  readonly endsAt: EpochMs | null;
  readonly warnAt: EpochMs | null;
  readonly warned: boolean;
  readonly volume: number;
  // Set while an announcement talks over the session; the time is given back on resume.
  readonly interruptedAt: EpochMs | null;
  // Total time announcements took from this session, and how much of it was added back
  // (less when quiet hours or closing time cut the session short).
  readonly interruptedMs: number;
  readonly givenBackMs: number;
}

export interface QueueEntry {
  readonly residentId: string;
  readonly joinedAt: EpochMs;
  // Set on the head of the queue while its turn is on offer.
  readonly offeredAt: EpochMs | null;
  readonly claimDeadline: EpochMs | null;
}

export interface PlayingAnnouncement {
  readonly announcementId: string;
  readonly priority: AnnouncementPriority;
  readonly startedAt: EpochMs;
}

export interface EndedSessionRecord {
  readonly sessionId: string;
  readonly residentId: string;
  readonly reason: SessionEndReason;
  readonly at: EpochMs;
}

export type SessionEndReason =
  | 'ended_by_resident'
  | 'ended_by_staff'
  | 'resident_disconnected'
  | 'connection_lost'
  | 'pairing_expired'
  | 'time_up'
  | 'quiet_hours'
  | 'zone_closed'
  | 'speaker_offline'
  | 'kicked_by_speaker';

export interface SpeakerState {
  readonly speakerId: string;
  readonly zoneId: string;
  readonly online: boolean;
  readonly mode: SpeakerMode;
  readonly session: SpeakerSession | null;
  // FIFO; the head may hold an offer (offeredAt/claimDeadline).
  readonly queue: readonly QueueEntry[];
  // Quiet hours in force, as last applied (the tick reconciles it with the zone clock).
  readonly quiet: boolean;
  // Queue held until morning because quiet hours forbid sessions.
  readonly paused: boolean;
  // Outside the zone's opening hours, as last applied.
  readonly closed: boolean;
  readonly announcement: PlayingAnnouncement | null;
  // The background music the speaker was told to play (null: none). States stored before music
  // existed lack the field; the store fills in null.
  readonly music: PlayingMusic | null;
  // The last few ended sessions, so late device events for them are recognised and ignored.
  readonly recentlyEnded: readonly EndedSessionRecord[];
}

export function initialSpeakerState(speakerId: string, zoneId: string, online = false): SpeakerState {
  return {
    speakerId,
    zoneId,
    online,
    mode: 'idle',
    session: null,
    queue: [],
    quiet: false,
    paused: false,
    closed: false,
    announcement: null,
    music: null,
    recentlyEnded: [],
  };
}

export function modeOf(state: Pick<SpeakerState, 'session' | 'announcement' | 'music'>): SpeakerMode {
  if (state.announcement) return 'announcing';
  if (!state.session) return state.music ? 'background' : 'idle';
  return state.session.phase === 'connected' ? 'active' : 'pairing';
}

// 1-based queue position, or null when the resident is not queued here.
export function queuePositionOf(state: SpeakerState, residentId: string): number | null {
  const index = state.queue.findIndex((entry) => entry.residentId === residentId);
  return index < 0 ? null : index + 1;
}
