import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('pairing refuses a wrong or expired code', () => {
  const T0 = at('2025-06-02T19:00');

  it('disconnects a phone that paired with a wrong code and keeps the window open for the right one', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const wrong = h.run({ type: 'btConnected', sessionId: 's1', code: '999999' }, T0 + 10_000);
    expect(wrong.result).toEqual({ ok: false, code: 'invalid_code', message: 'wrong pairing code' });
    expect(wrong.effects).toEqual([
      { type: 'sendDisconnect', sessionId: 's1', reason: 'invalid_code' },
      { type: 'sendPairingOpen', sessionId: 's1', code: '123456', until: '2025-06-02T11:02:00.000Z' },
    ]);
    expect(h.state.session?.phase).toBe('pairing');
    const right = h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + 20_000);
    expect(right.result.ok).toBe(true);
    expect(h.state.session?.phase).toBe('connected');
  });

  it('ends the session when the code expires unused; it does not count toward the daily cap', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    h.tick(T0 + 2 * MINUTE - 1);
    expect(h.state.session?.phase).toBe('pairing');
    const expired = h.tick(T0 + 2 * MINUTE);
    expect(h.state.session).toBeNull();
    expect(h.state.mode).toBe('idle');
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'pairing_expired', usedMs: 0, note: null }]);
    expect(h.effects('sendDisconnect')).toEqual([]);
    expect(expired.effects).toContainEqual({
      type: 'sessionEvent',
      event: 'ended',
      sessionId: 's1',
      residentId: 'alice',
      at: T0 + 2 * MINUTE,
      reason: 'pairing_expired',
      usedMs: 0,
      countsTowardDailyCap: false,
    });
  });

  it('refuses the right code once it has expired, even if no timer ran before the event arrived', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const late = h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + 2 * MINUTE + 1_000);
    expect(late.result).toEqual({ ok: false, code: 'code_expired', message: 'the pairing code has expired' });
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'code_expired' }]);
    expect(h.state.session).toBeNull();
  });

  it('refuses a connection for a session it never issued', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    const stray = h.run({ type: 'btConnected', sessionId: 'forged', code: '000000' });
    expect(stray.result).toMatchObject({ ok: false, code: 'session_not_found' });
    expect(stray.effects).toEqual([{ type: 'sendDisconnect', sessionId: 'forged', reason: 'unknown_session' }]);
  });

  it('a new request after expiry gets a fresh session and a fresh code', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const again = h.request('alice', {}, T0 + 3 * MINUTE);
    expect(again.result).toEqual({ ok: true, outcome: 'pairing', sessionId: 's2', code: '234567', until: T0 + 5 * MINUTE });
  });
});
