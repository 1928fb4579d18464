import { EpochMs, Instant, isWithinWindow, nextWindowEnd, nextWindowStart } from './daily-window';
import { clampVolume } from './volume';
import { BackgroundMusicSchedule, volumeLimits, ZoneRules } from './zone-rules';

export interface BackgroundMusicPlan {
  readonly schedule: BackgroundMusicSchedule;
  // The schedule's level under the caps in force (quiet hours, staff lock).
  readonly level: number;
}

// The schedule that should play now, if any: a resident session always takes precedence.
// When schedules overlap, the first listed wins.
export function backgroundMusicFor(zone: ZoneRules, now: Instant, hasResidentSession: boolean): BackgroundMusicPlan | null {
  if (hasResidentSession) return null;
  const schedule = zone.backgroundMusic.find((candidate) => isWithinWindow(candidate, zone.timeZone, now));
  if (!schedule) return null;
  return { schedule, level: clampVolume(schedule.volume, volumeLimits(zone, now)).level };
}

export function backgroundMusicActive(zone: ZoneRules, now: Instant, hasResidentSession: boolean): boolean {
  return backgroundMusicFor(zone, now, hasResidentSession) !== null;
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
