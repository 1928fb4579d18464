import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('the phone disconnects in the middle of a session', () => {
  const T0 = at('2025-06-02T19:00');
  const dropAt = T0 + 10 * MINUTE;

  it('out of range: opens a 2-minute reconnect window with a fresh one-time code', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    const step = h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'out_of_range' }, dropAt);
    const until = dropAt + 2 * MINUTE;
    expect(step.effects).toEqual([
      { type: 'sendPairingOpen', sessionId: 's1', code: '234567', until: new Date(until).toISOString() },
      { type: 'scheduleTimer', kind: 'reconnect_expiry', at: until, id: speakerTimerId('spk-1', 'reconnect_expiry', 's1', until) },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'reconnect_window', sessionId: 's1', code: '234567', until } },
      { type: 'sessionEvent', event: 'reconnecting', sessionId: 's1', residentId: 'alice', at: dropAt },
    ]);
    expect(h.state.mode).toBe('pairing');
  });

  it('reconnecting in time resumes the same session; the clock kept running', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'timeout' }, dropAt);
    expect(h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, dropAt + MINUTE).result).toMatchObject({
      ok: false,
      code: 'invalid_code',
    });
    h.run({ type: 'btConnected', sessionId: 's1', code: '234567' }, dropAt + MINUTE);
    expect(h.notices('alice')).toEqual([{ kind: 'session_reconnected', sessionId: 's1', endsAt: T0 + 30 * MINUTE }]);
    expect(h.effects('sendVolume')).toEqual([{ type: 'sendVolume', level: 40, cap: 60 }]);
    expect(h.state.session).toMatchObject({ phase: 'connected', endsAt: T0 + 30 * MINUTE });
  });

  it('not back in time: the session ends and the queue moves on', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob', {}, T0 + MINUTE);
    h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'out_of_range' }, dropAt);
    h.tick(dropAt + 2 * MINUTE);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'connection_lost', usedMs: 12 * MINUTE, note: null }]);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: dropAt + 4 * MINUTE }]);
  });

  it('the resident disconnecting on purpose ends the session at once', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob', {}, T0 + MINUTE);
    h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'user' }, dropAt);
    expect(h.effects('sendDisconnect')).toEqual([]);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'resident_disconnected', usedMs: 10 * MINUTE, note: null }]);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: dropAt + 2 * MINUTE }]);
  });

  it('a repeated or stale disconnect report changes nothing', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'out_of_range' }, dropAt);
    const before = h.state;
    expect(h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'out_of_range' }, dropAt + 1_000).effects).toEqual([]);
    expect(h.run({ type: 'btDisconnected', sessionId: 'old', reason: 'user' }, dropAt + 1_000).effects).toEqual([]);
    expect(h.state).toEqual(before);
  });
});
