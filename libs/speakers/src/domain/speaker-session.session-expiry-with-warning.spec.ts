import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('a session is warned 2 minutes before its end and then disconnected', () => {
  const T0 = at('2025-06-02T19:00');

  it('warns once at end − 2 min without disconnecting', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    const warned = h.tick(T0 + 28 * MINUTE);
    expect(warned.effects).toEqual([
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'session_ending_soon', sessionId: 's1', endsAt: T0 + 30 * MINUTE } },
    ]);
    expect(h.state.session?.warned).toBe(true);
    expect(h.tick(T0 + 29 * MINUTE).effects).toEqual([]);
  });

  it('disconnects at the end, counts the session toward the daily cap and frees the speaker', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.tick(T0 + 28 * MINUTE);
    const ended = h.tick(T0 + 30 * MINUTE);
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'time_up' }]);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'time_up', usedMs: 30 * MINUTE, note: null }]);
    expect(ended.effects).toContainEqual({
      type: 'sessionEvent',
      event: 'ended',
      sessionId: 's1',
      residentId: 'alice',
      at: T0 + 30 * MINUTE,
      reason: 'time_up',
      usedMs: 30 * MINUTE,
      countsTowardDailyCap: true,
    });
    expect(h.state.mode).toBe('idle');
    expect(h.state.recentlyEnded[0]).toEqual({ sessionId: 's1', residentId: 'alice', reason: 'time_up', at: T0 + 30 * MINUTE });
  });

  it('after a worker outage past both deadlines, it ends the session without a stale warning', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.tick(T0 + 45 * MINUTE);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'time_up', usedMs: 45 * MINUTE, note: null }]);
  });

  it('uses the zone maximum session length', () => {
    const h = new SpeakerHarness(zoneWith({ maxSessionMinutes: 10 }), T0);
    h.startSession('alice');
    expect(h.state.session?.endsAt).toBe(T0 + 10 * MINUTE);
    expect(h.state.session?.warnAt).toBe(T0 + 8 * MINUTE);
  });
});
