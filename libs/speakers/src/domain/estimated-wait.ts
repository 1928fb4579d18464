import { EpochMs, Instant, toEpochMs } from './daily-window';
import { SpeakerState } from './speaker-state';
import { latestSessionEnd, nextSessionsAllowedAt, ZoneRules } from './zone-rules';

export interface EstimatedWait {
  readonly waitMs: number;
  readonly startsAt: EpochMs;
}

// Upper-bound estimate for the resident at 1-based `position`: the running session uses its
// remaining time, everyone ahead a full session (clipped like real ones), and nobody starts
// while quiet hours or closing hours forbid sessions. Null when it cannot be known (offline).
export function estimatedWait(position: number, state: SpeakerState, zone: ZoneRules, at: Instant): EstimatedWait | null {
  if (!Number.isInteger(position) || position < 1) throw new RangeError(`queue position must be a positive integer, got ${position}`);
  if (!state.online) return null;
  const now = toEpochMs(at);
  let t = now;
  const session = state.session;
  if (session) {
    if (session.endsAt !== null) {
      // An announcement freezes the session clock; count it as if the clock restarted now.
      const frozen = session.interruptedAt !== null ? now - session.interruptedAt : 0;
      t = Math.max(now, session.endsAt + frozen);
    } else {
      t = latestSessionEnd(zone, now);
    }
  }
  const ahead = Math.min(position - 1, state.queue.length);
  for (let index = 0; index < ahead; index++) {
    const start = nextSessionsAllowedAt(zone, t);
    if (start === null) return null;
    t = latestSessionEnd(zone, start);
  }
  const startsAt = nextSessionsAllowedAt(zone, t);
  if (startsAt === null) return null;
  return { waitMs: startsAt - now, startsAt };
}
