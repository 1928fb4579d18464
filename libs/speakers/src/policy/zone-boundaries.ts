import { EpochMs, nextBackgroundMusicChange, nextClosing, nextOpening, nextQuietEnd, nextQuietStart, ZoneRules } from '../domain';

// The next instant something zone-wide changes on its own (quiet hours, opening hours, background
// music): the one zone timer ticks every speaker of the zone then, and schedules the next.
export function nextZoneBoundary(zone: ZoneRules, now: EpochMs): EpochMs | null {
  const candidates = [nextQuietStart(zone, now), nextQuietEnd(zone, now), nextOpening(zone, now), nextClosing(zone, now), nextBackgroundMusicChange(zone, now)];
  const known = candidates.filter((at): at is EpochMs => at !== null && at > now);
  return known.length ? Math.min(...known) : null;
}
