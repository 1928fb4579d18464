// Garbage from one broken device must not flood the logs: the first occurrence of each key is
// logged, then at most one line per window with the count of what was suppressed.

export class ThrottledLog {
  private readonly seen = new Map<string, { until: number; suppressed: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Returns the number of suppressed repeats to report, or null when this one must stay quiet. */
  admit(key: string, now: number): number | null {
    const entry = this.seen.get(key);
    if (entry && now < entry.until) {
      entry.suppressed++;
      return null;
    }
    const suppressed = entry?.suppressed ?? 0;
    if (!entry && this.seen.size >= this.maxKeys) this.seen.clear();
    this.seen.set(key, { until: now + this.windowMs, suppressed: 0 });
    return suppressed;
  }
}
