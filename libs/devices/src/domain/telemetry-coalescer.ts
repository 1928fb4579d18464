// Telemetry arrives per device every few seconds; writing a row per message would cost 50 writes/s
// for 50 devices at 1 Hz. The coalescer keeps only the newest sample per device between flushes.

export interface TelemetrySample {
  deviceId: string;
  /** When the backend received it (the device's own clock may be skewed). */
  receivedAt: Date;
  configVersion: number;
  telemetry: Record<string, unknown>;
}

export class TelemetryCoalescer {
  private pending = new Map<string, TelemetrySample>();

  /** Keeps the sample unless a newer one of the same device is already waiting. */
  add(sample: TelemetrySample): void {
    const current = this.pending.get(sample.deviceId);
    if (!current || current.receivedAt.getTime() <= sample.receivedAt.getTime()) this.pending.set(sample.deviceId, sample);
  }

  /** Forgets a device's waiting sample (its connection ended: the sample is older than the news). */
  discard(deviceId: string): void {
    this.pending.delete(deviceId);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Takes every waiting sample, one per device, and starts empty. */
  drain(): TelemetrySample[] {
    const out = [...this.pending.values()];
    this.pending = new Map();
    return out;
  }

  /** Puts back samples whose write failed, without overriding newer ones that arrived meanwhile. */
  restore(samples: TelemetrySample[]): void {
    for (const s of samples) this.add(s);
  }
}
