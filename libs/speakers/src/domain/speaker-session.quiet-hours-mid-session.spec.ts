import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('quiet hours that forbid sessions: the session ends and the queue waits for morning', () => {
  const evening = at('2025-06-02T21:45');
  const quietStart = at('2025-06-02T22:00');
  const morning = at('2025-06-03T07:00');

  function lateSession(): SpeakerHarness {
    const h = new SpeakerHarness(zoneWith(), evening);
    h.startSession('alice');
    h.request('bob', {}, evening + 5 * MINUTE);
    return h;
  }

  it('a session started late is cut to the start of quiet hours, and warned as usual', () => {
    const h = lateSession();
    expect(h.state.session?.endsAt).toBe(quietStart);
    expect(h.state.session?.warnAt).toBe(quietStart - 2 * MINUTE);
  });

  it('at 22:00 ends the session with the quiet-hours reason, pauses the queue and sets a wake-up for 07:00', () => {
    const h = lateSession();
    const step = h.run({ type: 'quietHoursStarted' }, quietStart);
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'quiet_hours' }]);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'quiet_hours', usedMs: 15 * MINUTE, note: null }]);
    expect(h.notices('bob')).toEqual([{ kind: 'queue_paused', reason: 'quiet_hours', until: morning }]);
    expect(h.effects('scheduleTimer')).toEqual([
      { type: 'scheduleTimer', kind: 'queue_resume', at: morning, id: speakerTimerId('spk-1', 'queue_resume', 'queue', morning) },
    ]);
    expect(step.effects).toContainEqual({
      type: 'queueChanged',
      entries: [{ residentId: 'bob', position: 1, estimatedWaitMs: morning - quietStart, offered: false }],
      blockedBy: 'quiet_hours',
    });
    expect(h.state).toMatchObject({ paused: true, quiet: true, session: null, mode: 'idle' });
    expect(h.state.queue[0].offeredAt).toBeNull();
  });

  it('the session timer firing at 22:00 has the same outcome as the quiet-hours event', () => {
    const h = lateSession();
    h.tick(quietStart);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'quiet_hours', usedMs: 15 * MINUTE, note: null }]);
    expect(h.state.paused).toBe(true);
    // The event arriving afterwards changes nothing.
    expect(h.run({ type: 'quietHoursStarted' }, quietStart + 1_000).effects).toEqual([]);
  });

  it('refuses new requests during the night and keeps the queue as it is', () => {
    const h = lateSession();
    h.run({ type: 'quietHoursStarted' }, quietStart);
    expect(h.request('carol', {}, at('2025-06-02T23:00')).result).toEqual({
      ok: false,
      code: 'quiet_hours',
      message: 'quiet hours: resident sessions resume in the morning',
    });
    expect(h.tick(at('2025-06-03T03:00')).effects).toEqual([]);
    expect(h.queueIds()).toEqual(['bob']);
  });

  it('at 07:00 the queue resumes and the head is offered its turn', () => {
    const h = lateSession();
    h.run({ type: 'quietHoursStarted' }, quietStart);
    h.tick(morning);
    expect(h.state).toMatchObject({ paused: false, quiet: false });
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: morning + 2 * MINUTE }]);
  });

  it('the explicit quiet-hours-ended event resumes the queue too', () => {
    const h = lateSession();
    h.run({ type: 'quietHoursStarted' }, quietStart);
    h.run({ type: 'quietHoursEnded' }, morning);
    expect(h.state.queue[0].claimDeadline).toBe(morning + 2 * MINUTE);
  });

  it('a session still pairing at 22:00 ends without counting toward the daily cap', () => {
    const h = new SpeakerHarness(zoneWith(), at('2025-06-02T21:59'));
    h.request('alice');
    const step = h.tick(quietStart);
    expect(step.effects).toContainEqual(expect.objectContaining({ type: 'sessionEvent', event: 'ended', reason: 'quiet_hours', countsTowardDailyCap: false }));
  });

  it('a session connected a minute before quiet hours gets no warning timer, only its end time', () => {
    const h = new SpeakerHarness(zoneWith(), at('2025-06-02T21:59'));
    h.startSession('alice');
    expect(h.effects('scheduleTimer').map((effect) => effect.kind)).toEqual(['session_end']);
    expect(h.state.session).toMatchObject({ endsAt: quietStart, warnAt: null, warned: true });
  });
});
