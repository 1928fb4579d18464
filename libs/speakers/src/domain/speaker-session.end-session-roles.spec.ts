import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('who may end a session', () => {
  const T0 = at('2025-06-02T19:00');

  it('a resident cannot end another resident\'s session', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    const before = h.state;
    const attempt = h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'bob' }, sessionId: 's1' }, T0 + MINUTE);
    expect(attempt.result).toEqual({ ok: false, code: 'not_your_session', message: 'you can only end your own session' });
    expect(attempt.effects).toEqual([]);
    expect(h.state).toEqual(before);
  });

  it('staff can end any session with a reason the resident sees', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.run({ type: 'endSession', by: { kind: 'staff', staffId: 'st-1' }, sessionId: 's1', note: 'complaints about the volume' }, T0 + 5 * MINUTE);
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'ended_by_staff' }]);
    expect(h.notices('alice')).toEqual([
      { kind: 'session_ended', sessionId: 's1', reason: 'ended_by_staff', usedMs: 5 * MINUTE, note: 'complaints about the volume' },
    ]);
  });

  it('refuses a stale session id (the session already ended)', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + MINUTE);
    h.startSession('bob', T0 + 2 * MINUTE);
    const stale = h.run({ type: 'endSession', by: { kind: 'staff', staffId: 'st-1' }, sessionId: 's1' });
    expect(stale.result).toEqual({ ok: false, code: 'session_not_found', message: 'no such session is running on this speaker' });
    expect(h.state.session?.residentId).toBe('bob');
  });

  it('a resident may cancel while still pairing; it does not count toward the daily cap', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    const cancel = h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1' }, T0 + 30_000);
    expect(cancel.effects).toContainEqual(expect.objectContaining({ type: 'sessionEvent', event: 'ended', countsTowardDailyCap: false, usedMs: 0 }));
    expect(h.state.session).toBeNull();
  });
});
