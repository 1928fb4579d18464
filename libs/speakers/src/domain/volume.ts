// Volume levels are integers 0–100, the same scale as PROTOCOL.md's speaker.volume {level, cap}.
export const MIN_VOLUME = 0;
export const MAX_VOLUME = 100;

export type VolumeLimitSource = 'zone_cap' | 'quiet_hours' | 'staff_lock';

// The caps that apply at one moment. quietCap is set only while quiet hours are in force;
// staffLock is a ceiling staff put on a zone (residents cannot go above it, whatever the caps say).
export interface VolumeLimits {
  readonly zoneCap: number;
  readonly quietCap?: number | null;
  readonly staffLock?: number | null;
}

export interface EffectiveCap {
  readonly cap: number;
  // The tightest limit; ties go to the most specific one (lock, then quiet, then zone).
  readonly limitedBy: VolumeLimitSource;
}

export interface VolumeDecision {
  readonly requested: number;
  readonly level: number;
  readonly cap: number;
  readonly clamped: boolean;
  // Why the level was lowered; null when the request was applied as asked.
  readonly limitedBy: VolumeLimitSource | 'range' | null;
}

export function normalizeLevel(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`volume level must be a finite number, got ${value}`);
  return Math.min(MAX_VOLUME, Math.max(MIN_VOLUME, Math.round(value)));
}

export function effectiveCap(limits: VolumeLimits): EffectiveCap {
  let best: EffectiveCap = { cap: normalizeLevel(limits.zoneCap), limitedBy: 'zone_cap' };
  if (limits.quietCap !== null && limits.quietCap !== undefined && normalizeLevel(limits.quietCap) <= best.cap) {
    best = { cap: normalizeLevel(limits.quietCap), limitedBy: 'quiet_hours' };
  }
  if (limits.staffLock !== null && limits.staffLock !== undefined && normalizeLevel(limits.staffLock) <= best.cap) {
    best = { cap: normalizeLevel(limits.staffLock), limitedBy: 'staff_lock' };
  }
  return best;
}

export function clampVolume(requested: number, limits: VolumeLimits): VolumeDecision {
  const { cap, limitedBy } = effectiveCap(limits);
  const inRange = normalizeLevel(requested);
  if (inRange > cap) return { requested, level: cap, cap, clamped: true, limitedBy };
  // Fractions are rounded and negatives raised to 0; only a lowered level counts as clamped.
  const clamped = inRange < Math.round(requested);
  return { requested, level: inRange, cap, clamped, limitedBy: clamped ? 'range' : null };
}
