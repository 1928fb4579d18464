// When residents arrive at the gates: a daily curve with a morning rush (people leaving for work and
// school, peak 07:45) and an evening one (peak 18:30), over a low base all day and almost nothing at
// night. Returned as a relative rate (1 = the morning peak), so scenarios scale it to any size.

export interface RushPeak {
  /** Minutes after midnight of the peak. */
  atMinute: number;
  /** Spread (standard deviation) in minutes. */
  sdMinutes: number;
  /** Height relative to the morning peak. */
  height: number;
}

export const MORNING_PEAK: RushPeak = { atMinute: 7 * 60 + 45, sdMinutes: 35, height: 1 };
export const EVENING_PEAK: RushPeak = { atMinute: 18 * 60 + 30, sdMinutes: 55, height: 0.7 };
const DAY_BASE = 0.08;
const NIGHT_BASE = 0.01;

/** Relative arrival rate at a local time of day (minutes after midnight, 0..1440). */
export function arrivalRate(minuteOfDay: number, peaks: readonly RushPeak[] = [MORNING_PEAK, EVENING_PEAK]): number {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  const base = m >= 6 * 60 && m < 23 * 60 ? DAY_BASE : NIGHT_BASE;
  let rate = base;
  for (const p of peaks) {
    const z = (m - p.atMinute) / p.sdMinutes;
    rate += p.height * Math.exp(-0.5 * z * z);
  }
  return rate;
}

/**
 * How many arrivals each simulated second gets when `fromMinute`..`toMinute` of the day is played
 * in `seconds` real seconds and the curve's peak maps to `peakPerSecond`.
 */
export function arrivalsPerSecond(fromMinute: number, toMinute: number, seconds: number, peakPerSecond: number): number[] {
  const out: number[] = [];
  const span = toMinute - fromMinute;
  for (let s = 0; s < seconds; s++) {
    const minute = fromMinute + ((s + 0.5) / seconds) * span;
    out.push(arrivalRate(minute) * peakPerSecond);
  }
  return out;
}
