import {
  appliedVolumeLimits,
  effectiveCap,
  EpochMs,
  estimatedWait,
  QueueView,
  SessionPhase,
  SpeakerMode,
  SpeakerState,
  ZoneRules,
} from '../domain';

// What a speaker looks like to staff and to residents. Residents see that a speaker is in use and
// how long the queue is, never who uses it or who waits; their own session or place is shown to them.

export type SpeakerViewer = { readonly kind: 'staff' } | { readonly kind: 'resident'; readonly residentId: string };

export interface SpeakerPlaybackView {
  state: 'playing' | 'paused' | 'idle';
  title?: string;
  artist?: string;
}

export interface SpeakerViewInput {
  deviceId: string;
  name: string;
  siteId: string;
  zoneName: string;
  state: SpeakerState;
  version: number;
  playback: SpeakerPlaybackView | null;
  zone: ZoneRules;
  now: EpochMs;
  /** The viewer's queue place id at this speaker (the id they claim with), when queued. */
  myPlaceId?: string | null;
}

export type MySpeakerHolding =
  | {
      kind: 'session';
      sessionId: string;
      phase: SessionPhase;
      endsAt: string | null;
      volume: number;
      /** Only while pairing or reconnecting: the one-time code for the phone. */
      code: string | null;
      codeExpiresAt: string | null;
      interrupted: boolean;
    }
  | { kind: 'queue'; placeId: string | null; position: number; estimatedWaitSeconds: number | null; offered: boolean; claimDeadline: string | null };

export interface SpeakerView {
  id: string;
  name: string;
  siteId: string;
  zoneId: string;
  zoneName: string;
  online: boolean;
  mode: SpeakerMode;
  inUse: boolean;
  quietHours: boolean;
  closed: boolean;
  queuePaused: boolean;
  cap: number;
  volume: number | null;
  queueLength: number;
  /** For someone joining now (null: cannot be known, e.g. offline). */
  estimatedWaitSeconds: number | null;
  nowPlaying: SpeakerPlaybackView | null;
  announcement: { announcementId: string; priority: 'normal' | 'emergency' } | null;
  backgroundMusic: { playlist: string | null; level: number } | null;
  version: number;
  /** Staff only. */
  session?: {
    sessionId: string;
    residentId: string;
    phase: SessionPhase;
    createdAt: string;
    connectedAt: string | null;
    endsAt: string | null;
    volume: number;
    interrupted: boolean;
  } | null;
  /** Staff only. */
  queue?: { residentId: string; position: number; offered: boolean; claimDeadline: string | null; joinedAt: string }[];
  /** Residents only: their own session or queue place here. */
  mine?: MySpeakerHolding | null;
}

const iso = (at: EpochMs | null): string | null => (at === null ? null : new Date(at).toISOString());
const seconds = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Math.ceil(ms / 1000));

/** The volume cap in force as the reducer applies it (quiet flag as last applied, staff lock). */
export function capInForce(state: SpeakerState, zone: ZoneRules): number {
  return effectiveCap(appliedVolumeLimits(zone, state.quiet)).cap;
}

export function speakerView(input: SpeakerViewInput, viewer: SpeakerViewer): SpeakerView {
  const { state, zone, now } = input;
  const session = state.session;
  const newcomerWait = state.session || state.queue.length > 0 || state.paused || state.closed || state.announcement ? estimatedWait(state.queue.length + 1, state, zone, now) : state.online ? { waitMs: 0 } : null;
  // What the speaker was told to play (the reducer decides), not a fresh guess from the clock.
  const music = state.music ?? null;
  const view: SpeakerView = {
    id: input.deviceId,
    name: input.name,
    siteId: input.siteId,
    zoneId: state.zoneId,
    zoneName: input.zoneName,
    online: state.online,
    mode: state.mode,
    inUse: session !== null,
    quietHours: state.quiet,
    closed: state.closed,
    queuePaused: state.paused,
    cap: capInForce(state, zone),
    volume: session?.phase === 'connected' ? session.volume : null,
    queueLength: state.queue.length,
    estimatedWaitSeconds: seconds(newcomerWait?.waitMs),
    nowPlaying: input.playback,
    announcement: state.announcement ? { announcementId: state.announcement.announcementId, priority: state.announcement.priority } : null,
    backgroundMusic: music && state.online ? { playlist: music.playlist, level: music.level } : null,
    version: input.version,
  };
  if (viewer.kind === 'staff') {
    view.session = session
      ? {
          sessionId: session.sessionId,
          residentId: session.residentId,
          phase: session.phase,
          createdAt: new Date(session.createdAt).toISOString(),
          connectedAt: iso(session.connectedAt),
          endsAt: iso(session.endsAt),
          volume: session.volume,
          interrupted: session.interruptedAt !== null,
        }
      : null;
    view.queue = state.queue.map((entry, index) => ({
      residentId: entry.residentId,
      position: index + 1,
      offered: entry.offeredAt !== null,
      claimDeadline: iso(entry.claimDeadline),
      joinedAt: new Date(entry.joinedAt).toISOString(),
    }));
    return view;
  }
  view.mine = myHolding(input, viewer.residentId);
  return view;
}

function myHolding(input: SpeakerViewInput, residentId: string): MySpeakerHolding | null {
  const { state, zone, now } = input;
  const session = state.session;
  if (session?.residentId === residentId) {
    return {
      kind: 'session',
      sessionId: session.sessionId,
      phase: session.phase,
      endsAt: iso(session.endsAt),
      volume: session.volume,
      code: session.code,
      codeExpiresAt: iso(session.codeExpiresAt),
      interrupted: session.interruptedAt !== null,
    };
  }
  const index = state.queue.findIndex((entry) => entry.residentId === residentId);
  if (index < 0) return null;
  const entry = state.queue[index];
  return {
    kind: 'queue',
    placeId: input.myPlaceId ?? null,
    position: index + 1,
    estimatedWaitSeconds: seconds(estimatedWait(index + 1, state, zone, now)?.waitMs),
    offered: entry.offeredAt !== null,
    claimDeadline: iso(entry.claimDeadline),
  };
}

/** A queue view entry for one resident's realtime `speaker.queue` push. */
export function queueEntryFor(entries: readonly QueueView[], residentId: string): QueueView | null {
  return entries.find((entry) => entry.residentId === residentId) ?? null;
}
