import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('a speaker that drops offline mid-session', () => {
  const T0 = at('2025-06-02T19:00');

  function withQueue(): SpeakerHarness {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob', {}, T0 + MINUTE);
    return h;
  }

  it('ends the session at once, without blaming the resident, and holds the queue', () => {
    const h = withQueue();
    const step = h.run({ type: 'speakerOffline' }, T0 + 10 * MINUTE);
    expect(h.effects('sendDisconnect')).toEqual([]);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'speaker_offline', usedMs: 10 * MINUTE, note: null }]);
    expect(step.effects).toContainEqual(
      expect.objectContaining({ type: 'sessionEvent', event: 'ended', reason: 'speaker_offline', countsTowardDailyCap: false }),
    );
    expect(step.effects).toContainEqual({
      type: 'queueChanged',
      entries: [{ residentId: 'bob', position: 1, estimatedWaitMs: null, offered: false }],
      blockedBy: 'speaker_offline',
    });
    expect(h.state).toMatchObject({ online: false, session: null, mode: 'idle' });
    expect(h.notices('bob')).toEqual([]);
  });

  it('when it comes back, the queue moves on: the next resident is offered the turn', () => {
    const h = withQueue();
    h.run({ type: 'speakerOffline' }, T0 + 10 * MINUTE);
    h.run({ type: 'speakerOnline' }, T0 + 20 * MINUTE);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: T0 + 22 * MINUTE }]);
    expect(h.queueIds()).toEqual(['bob']);
  });

  it('a repeated online report does not re-offer', () => {
    const h = withQueue();
    h.run({ type: 'speakerOffline' }, T0 + 10 * MINUTE);
    h.run({ type: 'speakerOnline' }, T0 + 20 * MINUTE);
    expect(h.run({ type: 'speakerOnline' }, T0 + 20 * MINUTE + 5_000).effects).toEqual([]);
  });

  it('withdraws a running offer and gives a fresh one on return', () => {
    const h = withQueue();
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + 5 * MINUTE);
    h.run({ type: 'speakerOffline' }, T0 + 6 * MINUTE);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_withdrawn', reason: 'speaker_offline' }]);
    h.tick(T0 + 8 * MINUTE);
    expect(h.queueIds()).toEqual(['bob']);
    h.run({ type: 'speakerOnline' }, T0 + 30 * MINUTE);
    expect(h.state.queue[0].claimDeadline).toBe(T0 + 32 * MINUTE);
  });

  it('ignores late device events for the ended session, and disconnects a late connection', () => {
    const h = withQueue();
    h.run({ type: 'speakerOffline' }, T0 + 10 * MINUTE);
    expect(h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'timeout' }, T0 + 11 * MINUTE).effects).toEqual([]);
    h.run({ type: 'speakerOnline' }, T0 + 12 * MINUTE);
    const late = h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + 12 * MINUTE);
    expect(late.result).toMatchObject({ ok: false, code: 'session_not_found' });
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'session_over' }]);
  });

  it('an announcement playing when the speaker drops is forgotten', () => {
    const h = withQueue();
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 5 * MINUTE);
    h.run({ type: 'speakerOffline' }, T0 + 6 * MINUTE);
    expect(h.state.announcement).toBeNull();
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'speaker_offline', usedMs: 5 * MINUTE, note: null }]);
  });
});
