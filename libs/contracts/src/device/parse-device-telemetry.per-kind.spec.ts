import { EXAMPLE_TELEMETRY } from './example-messages';
import { parseDeviceTelemetry } from './parse-device-telemetry';

describe('parseDeviceTelemetry', () => {
  it('accepts gate telemetry', () => {
    expect(parseDeviceTelemetry(JSON.stringify(EXAMPLE_TELEMETRY))).toEqual({ ok: true, telemetry: EXAMPLE_TELEMETRY });
  });

  it('accepts speaker telemetry and the minimum (ts + configVersion)', () => {
    const speaker = { ts: '2025-06-01T10:00:00Z', configVersion: 0, volume: 30, volumeCap: 60, playback: 'idle', sessionId: null, battery: 80 };
    expect(parseDeviceTelemetry(JSON.stringify(speaker))).toEqual({ ok: true, telemetry: speaker });
    expect(parseDeviceTelemetry('{"ts":"2025-06-01T10:00:00Z","configVersion":3}').ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['no configVersion', { ts: '2025-06-01T10:00:00Z' }, /^configVersion: is required$/],
    ['a negative configVersion', { ts: '2025-06-01T10:00:00Z', configVersion: -1 }, /^configVersion: must be >= 0$/],
    ['positive rssi', { ts: '2025-06-01T10:00:00Z', configVersion: 1, rssi: 12 }, /^rssi: must be <= 0$/],
    ['battery over 100', { ts: '2025-06-01T10:00:00Z', configVersion: 1, battery: 140 }, /^battery: must be <= 100$/],
    ['an unknown door state', { ts: '2025-06-01T10:00:00Z', configVersion: 1, door: 'ajar' }, /^door: must be one of/],
  ])('drops telemetry with %s', (_name, body, detail) => {
    const result = parseDeviceTelemetry(JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data' });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });
});
