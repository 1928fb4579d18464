import { TelemetryCoalescer, TelemetrySample } from './telemetry-coalescer';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));
const sample = (deviceId: string, s: number, configVersion = 1): TelemetrySample => ({ deviceId, receivedAt: at(s), configVersion, telemetry: { s } });

describe('telemetry coalescer: one write per device per flush', () => {
  it('50 devices sending every second for 5 seconds become 50 rows, each with its newest sample', () => {
    const c = new TelemetryCoalescer();
    for (let s = 0; s < 5; s++) for (let d = 0; d < 50; d++) c.add(sample(`gate-${d}`, s, s));
    const rows = c.drain();
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.receivedAt.getTime() === at(4).getTime() && r.configVersion === 4)).toBe(true);
    expect(c.size).toBe(0);
  });

  it('an older sample arriving late does not replace a newer one', () => {
    const c = new TelemetryCoalescer();
    c.add(sample('gate-1', 10, 7));
    c.add(sample('gate-1', 9, 6));
    expect(c.drain()).toEqual([sample('gate-1', 10, 7)]);
  });

  it('restoring a failed batch keeps samples that arrived meanwhile', () => {
    const c = new TelemetryCoalescer();
    c.add(sample('gate-1', 1));
    c.add(sample('gate-2', 1));
    const failed = c.drain();
    c.add(sample('gate-1', 2));
    c.restore(failed);
    const rows = c.drain().sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    expect(rows.map((r) => [r.deviceId, r.receivedAt.getUTCSeconds()])).toEqual([
      ['gate-1', 2],
      ['gate-2', 1],
    ]);
  });

  it('discarding a device drops its waiting sample (its will came after it)', () => {
    const c = new TelemetryCoalescer();
    c.add(sample('gate-1', 1));
    c.discard('gate-1');
    expect(c.drain()).toEqual([]);
  });
});
