import { checkDesiredConfig, MAX_GATE_CONFIG_BYTES } from './desired-config';

describe('desired config: speakers follow PROTOCOL.md, gates are free-form', () => {
  const speaker = { volumeCap: 60, quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' }, maxSessionMinutes: 30 };

  it('accepts the protocol example for a speaker', () => {
    expect(checkDesiredConfig('speaker', speaker)).toEqual({ ok: true, config: speaker });
  });

  it('ignores version and ts: the server assigns them', () => {
    expect(checkDesiredConfig('speaker', { ...speaker, version: 99, ts: '2026-01-01T00:00:00Z' })).toEqual({ ok: true, config: speaker });
  });

  it('names an unknown field instead of dropping it silently', () => {
    expect(checkDesiredConfig('speaker', { volumeCap: 60, bass: 11 })).toEqual({ ok: false, problems: [{ field: 'bass', reason: 'is not a config field' }] });
    expect(checkDesiredConfig('speaker', { quietHours: { ...speaker.quietHours, color: 'red' } })).toEqual({ ok: false, problems: [{ field: 'quietHours.color', reason: 'is not a config field' }] });
  });

  it('names the bad field: range, time format, time zone', () => {
    const r1 = checkDesiredConfig('speaker', { volumeCap: 140 });
    expect(r1.ok === false && r1.problems[0].field).toBe('volumeCap');
    const r2 = checkDesiredConfig('speaker', { quietHours: { ...speaker.quietHours, from: '25:00' } });
    expect(r2.ok === false && r2.problems[0].field).toBe('quietHours.from');
    const r3 = checkDesiredConfig('speaker', { quietHours: { ...speaker.quietHours, tz: 'Mars/Olympus' } });
    expect(r3.ok === false && r3.problems[0].field).toBe('quietHours.tz');
  });

  it('does not modify the caller object', () => {
    const body = { ...speaker, version: 3 };
    checkDesiredConfig('speaker', body);
    expect(body.version).toBe(3);
  });

  it('takes any object for a gate, within a size bound', () => {
    expect(checkDesiredConfig('gate', { relayMs: 800, display: { brightness: 70 } })).toEqual({ ok: true, config: { relayMs: 800, display: { brightness: 70 } } });
    const big = checkDesiredConfig('gate', { blob: 'x'.repeat(MAX_GATE_CONFIG_BYTES) });
    expect(big.ok).toBe(false);
  });

  it('refuses anything but an object', () => {
    for (const body of [null, [], 'x', 3]) expect(checkDesiredConfig('gate', body)).toEqual({ ok: false, problems: [{ field: 'body', reason: 'must be a JSON object' }] });
  });
});
