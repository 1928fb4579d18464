import { buildDeviceBirth, DEVICE_WILL } from './build-device-message';
import { parseDeviceStatus } from './parse-device-status';

describe('parseDeviceStatus', () => {
  it('accepts a birth as built by a device', () => {
    const birth = buildDeviceBirth('gate', '1.4.2', Date.parse('2025-06-01T10:00:00Z'));
    expect(parseDeviceStatus(Buffer.from(JSON.stringify(birth)))).toEqual({ ok: true, status: birth });
  });

  it('accepts the Last Will and a graceful goodbye with ts', () => {
    expect(parseDeviceStatus(JSON.stringify(DEVICE_WILL))).toEqual({ ok: true, status: { online: false } });
    expect(parseDeviceStatus('{"online":false,"ts":"2025-06-01T10:00:00Z"}').ok).toBe(true);
  });

  it.each<[string, string, string, RegExp]>([
    ['birth without fw', '{"online":true,"kind":"gate","ts":"2025-06-01T10:00:00Z"}', 'invalid_data', /^fw: is required$/],
    ['birth of an unknown kind', '{"online":true,"kind":"toaster","fw":"1","ts":"2025-06-01T10:00:00Z"}', 'invalid_data', /^kind: must be one of "gate", "speaker"$/],
    ['online as a string', '{"online":"yes"}', 'invalid_data', /^online: must be boolean$/],
    ['no online field', '{"kind":"gate"}', 'invalid_data', /^online: is required$/],
    ['an empty retained clear', '', 'not_json', /empty/],
  ])('drops %s', (_name, payload, reason, detail) => {
    const result = parseDeviceStatus(payload);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });

  it('strips fields a will does not define', () => {
    expect(parseDeviceStatus('{"online":false,"kind":"gate","secret":"x"}')).toEqual({ ok: true, status: { online: false } });
  });
});
