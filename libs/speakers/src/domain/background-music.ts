import { EpochMs, Instant, isWithinWindow, nextWindowEnd, nextWindowStart } from './daily-window';
import { clampVolume, VolumeLimits } from './volume';
import { BackgroundMusicSchedule, volumeLimits, ZoneRules } from './zone-rules';

export interface BackgroundMusicPlan {
  readonly schedule: BackgroundMusicSchedule;
  // The schedule's level under the caps in force (quiet hours, staff lock).
  readonly level: number;
}

// The schedule whose window is open now; when schedules overlap, the first listed wins.
export function scheduledMusicAt(zone: ZoneRules, now: Instant): BackgroundMusicSchedule | null {
  return zone.backgroundMusic.find((candidate) => isWithinWindow(candidate, zone.timeZone, now)) ?? null;
}

// The schedule that should play now, if any: a resident session always takes precedence.
export function backgroundMusicFor(zone: ZoneRules, now: Instant, hasResidentSession: boolean): BackgroundMusicPlan | null {
  if (hasResidentSession) return null;
  const schedule = scheduledMusicAt(zone, now);
  if (!schedule) return null;
  return { schedule, level: clampVolume(schedule.volume, volumeLimits(zone, now)).level };
}

export function backgroundMusicActive(zone: ZoneRules, now: Instant, hasResidentSession: boolean): boolean {
  return backgroundMusicFor(zone, now, hasResidentSession) !== null;
}

// What the speaker was last told to play as background music (the `speaker.music` play data).
export interface PlayingMusic {
  readonly playlist: string | null;
  readonly level: number;
  readonly cap: number;
}

// The slice of a speaker's state the music decision needs (SpeakerState fits).
export interface MusicAirtime {
  readonly online: boolean;
  readonly session: unknown | null;
  readonly announcement: unknown | null;
}

export type MusicSilenceReason = 'speaker_offline' | 'resident_session' | 'announcement' | 'outside_schedule';

export type MusicDecision =
  | { readonly action: 'play'; readonly music: PlayingMusic }
  | { readonly action: 'silent'; readonly reason: MusicSilenceReason };

// Whether the zone's background music should play on one speaker now. A resident session (pairing
// included: the phone is about to take over) and announcements come first; the level is the
// schedule's, brought under the caps in force (`limits`, quiet hours as the reducer applied them).
export function decideBackgroundMusic(zone: ZoneRules, speaker: MusicAirtime, now: Instant, limits: VolumeLimits): MusicDecision {
  if (!speaker.online) return { action: 'silent', reason: 'speaker_offline' };
  if (speaker.session !== null) return { action: 'silent', reason: 'resident_session' };
  if (speaker.announcement !== null) return { action: 'silent', reason: 'announcement' };
  const schedule = scheduledMusicAt(zone, now);
  if (!schedule) return { action: 'silent', reason: 'outside_schedule' };
  const { level, cap } = clampVolume(schedule.volume, limits);
  return { action: 'play', music: { playlist: schedule.playlist ?? null, level, cap } };
}

export function sameMusic(a: PlayingMusic | null, b: PlayingMusic | null): boolean {
  if (a === null || b === null) return a === b;
  return a.playlist === b.playlist && a.level === b.level && a.cap === b.cap;
}

// The next time any schedule starts or stops (for the one timer the service keeps per zone).
export function nextBackgroundMusicChange(zone: ZoneRules, now: Instant): EpochMs | null {
  const boundaries = zone.backgroundMusic.flatMap((schedule) => [
    nextWindowStart(schedule, zone.timeZone, now),
    nextWindowEnd(schedule, zone.timeZone, now),
  ]);
  const known = boundaries.filter((at): at is EpochMs => at !== null);
  return known.length === 0 ? null : Math.min(...known);
}
