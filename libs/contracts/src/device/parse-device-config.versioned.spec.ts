import { EXAMPLE_CONFIG } from './example-messages';
import { parseDeviceConfig } from './parse-device-config';

describe('parseDeviceConfig', () => {
  it('accepts the PROTOCOL.md speaker config and a bare version for gates', () => {
    expect(parseDeviceConfig(JSON.stringify(EXAMPLE_CONFIG))).toEqual({ ok: true, config: EXAMPLE_CONFIG });
    expect(parseDeviceConfig('{"version":0}')).toEqual({ ok: true, config: { version: 0 } });
  });

  it.each<[string, unknown, RegExp]>([
    ['no version', { volumeCap: 10 }, /^version: is required$/],
    ['a fractional version', { version: 1.5 }, /^version: must be integer$/],
    ['a quiet-hours time of 24:00', { version: 1, quietHours: { from: '24:00', to: '07:00', volumeCap: 25, tz: 'UTC' } }, /^quietHours\.from: must match pattern/],
    ['an unknown time zone', { version: 1, quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Mars/Olympus' } }, /^quietHours\.tz: "Mars\/Olympus" is not a known IANA time zone$/],
    ['a volume cap over 100', { version: 1, volumeCap: 101 }, /^volumeCap: must be <= 100$/],
  ])('drops a config with %s', (_name, body, detail) => {
    const result = parseDeviceConfig(JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data' });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });
});
