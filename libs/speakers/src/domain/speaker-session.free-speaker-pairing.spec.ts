import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('a resident takes a free speaker: pairing code, then connected', () => {
  const T0 = at('2025-06-02T19:00');

  it('starts in pairing with a one-time 6-digit code valid 2 minutes and opens pairing on the speaker', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    const step = h.request('alice');
    const until = T0 + 2 * MINUTE;
    expect(step.result).toEqual({ ok: true, outcome: 'pairing', sessionId: 's1', code: '123456', until });
    expect(step.effects).toEqual([
      { type: 'sendPairingOpen', sessionId: 's1', code: '123456', until: '2025-06-02T11:02:00.000Z' },
      { type: 'scheduleTimer', kind: 'pairing_expiry', at: until, id: speakerTimerId('spk-1', 'pairing_expiry', 's1', until) },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'pairing', sessionId: 's1', code: '123456', until } },
      { type: 'sessionEvent', event: 'pairing', sessionId: 's1', residentId: 'alice', at: T0 },
    ]);
    expect(h.state.mode).toBe('pairing');
    expect(h.state.session).toMatchObject({ sessionId: 's1', residentId: 'alice', phase: 'pairing', code: '123456' });
  });

  it('becomes active for 30 minutes when the speaker reports the right code, with a warning 2 minutes before', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const connectedAt = T0 + 40_000;
    const step = h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, connectedAt);
    const endsAt = connectedAt + 30 * MINUTE;
    expect(step.result).toEqual({ ok: true, outcome: 'done' });
    expect(step.effects).toEqual([
      { type: 'cancelTimer', kind: 'pairing_expiry', id: speakerTimerId('spk-1', 'pairing_expiry', 's1', T0 + 2 * MINUTE) },
      { type: 'scheduleTimer', kind: 'session_warning', at: endsAt - 2 * MINUTE, id: speakerTimerId('spk-1', 'session_warning', 's1', endsAt - 2 * MINUTE) },
      { type: 'scheduleTimer', kind: 'session_end', at: endsAt, id: speakerTimerId('spk-1', 'session_end', 's1', endsAt) },
      { type: 'sendVolume', level: 40, cap: 60 },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'session_started', sessionId: 's1', endsAt } },
      { type: 'sessionEvent', event: 'connected', sessionId: 's1', residentId: 'alice', at: connectedAt },
    ]);
    expect(h.state.mode).toBe('active');
    expect(h.state.session).toMatchObject({ phase: 'connected', code: null, connectedAt, endsAt, warnAt: endsAt - 2 * MINUTE });
  });

  it('answers a repeated request by the same resident with the same code, changing nothing', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const before = h.state;
    const again = h.request('alice', {}, T0 + 30_000);
    expect(again.result).toEqual({ ok: true, outcome: 'pairing', sessionId: 's1', code: '123456', until: T0 + 2 * MINUTE });
    expect(again.effects).toEqual([]);
    expect(h.state).toEqual(before);
  });

  it('timer ids never contain ":" even when the speaker id does', () => {
    const h = new SpeakerHarness(zoneWith(), T0, undefined, 'site:a/spk:7');
    h.request('alice');
    const ids = h.effects('scheduleTimer').map((effect) => effect.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toContain(':');
  });
});
