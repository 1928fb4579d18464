import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('an emergency announcement interrupts a session and the lost time is given back', () => {
  const T0 = at('2025-06-02T19:00');

  function playing(): SpeakerHarness {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    return h;
  }

  it('freezes the session clock: its timers are cancelled and the resident is told', () => {
    const h = playing();
    const step = h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 10 * MINUTE);
    expect(step.effects).toEqual([
      { type: 'cancelTimer', kind: 'session_warning', id: speakerTimerId('spk-1', 'session_warning', 's1', T0 + 28 * MINUTE) },
      { type: 'cancelTimer', kind: 'session_end', id: speakerTimerId('spk-1', 'session_end', 's1', T0 + 30 * MINUTE) },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'session_interrupted', sessionId: 's1' } },
      { type: 'sessionEvent', event: 'interrupted', sessionId: 's1', residentId: 'alice', at: T0 + 10 * MINUTE },
    ]);
    expect(h.state.mode).toBe('announcing');
    expect(h.state.announcement).toEqual({ announcementId: 'a1', priority: 'emergency', startedAt: T0 + 10 * MINUTE });
  });

  it('does not end the session while the announcement plays, even past its original end', () => {
    const h = playing();
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 10 * MINUTE);
    expect(h.tick(T0 + 31 * MINUTE).effects).toEqual([]);
    expect(h.state.session?.phase).toBe('connected');
  });

  it('on resume, adds the announcement time to the end and reschedules warning and end', () => {
    const h = playing();
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 10 * MINUTE);
    const resumed = h.run({ type: 'announcementFinished', announcementId: 'a1' }, T0 + 15 * MINUTE);
    const endsAt = T0 + 35 * MINUTE;
    expect(resumed.effects).toEqual([
      { type: 'scheduleTimer', kind: 'session_warning', at: endsAt - 2 * MINUTE, id: speakerTimerId('spk-1', 'session_warning', 's1', endsAt - 2 * MINUTE) },
      { type: 'scheduleTimer', kind: 'session_end', at: endsAt, id: speakerTimerId('spk-1', 'session_end', 's1', endsAt) },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'session_resumed', sessionId: 's1', endsAt, givenBackMs: 5 * MINUTE } },
      { type: 'sessionEvent', event: 'resumed', sessionId: 's1', residentId: 'alice', at: T0 + 15 * MINUTE },
    ]);
    expect(h.state.mode).toBe('active');
    h.tick(endsAt);
    // Played time excludes the announcement: a full 30 minutes.
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'time_up', usedMs: 30 * MINUTE, note: null }]);
  });

  it('an emergency pre-empting a scheduled normal announcement gives back the whole interruption once', () => {
    const h = playing();
    h.run({ type: 'announcementStarted', announcementId: 'n1', priority: 'normal' }, T0 + 10 * MINUTE);
    h.run({ type: 'announcementStarted', announcementId: 'e1', priority: 'emergency' }, T0 + 12 * MINUTE);
    expect(h.run({ type: 'announcementFinished', announcementId: 'n1' }, T0 + 13 * MINUTE).result).toMatchObject({
      ok: false,
      code: 'announcement_not_playing',
    });
    h.run({ type: 'announcementFinished', announcementId: 'e1' }, T0 + 14 * MINUTE);
    expect(h.state.session).toMatchObject({ endsAt: T0 + 34 * MINUTE, givenBackMs: 4 * MINUTE, interruptedAt: null });
  });

  it('a repeated start of the same announcement changes nothing', () => {
    const h = playing();
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 10 * MINUTE);
    expect(h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 11 * MINUTE).effects).toEqual([]);
    h.run({ type: 'announcementFinished', announcementId: 'a1' }, T0 + 12 * MINUTE);
    expect(h.state.session?.endsAt).toBe(T0 + 32 * MINUTE);
  });

  it('time given back never runs into quiet hours that forbid sessions', () => {
    const h = new SpeakerHarness(zoneWith(), at('2025-06-02T21:20'));
    h.startSession('alice');
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, at('2025-06-02T21:40'));
    h.run({ type: 'announcementFinished', announcementId: 'a1' }, at('2025-06-02T21:55'));
    expect(h.notices('alice')).toEqual([
      { kind: 'session_resumed', sessionId: 's1', endsAt: at('2025-06-02T22:00'), givenBackMs: 10 * MINUTE },
    ]);
  });

  it('withdraws a pending offer during the announcement and makes a fresh one afterwards', () => {
    const h = playing();
    h.request('bob', {}, T0 + MINUTE);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + 5 * MINUTE);
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 6 * MINUTE);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_withdrawn', reason: 'announcement' }]);
    expect(h.run({ type: 'claimTurn', residentId: 'bob' }, T0 + 6 * MINUTE + 30_000).result).toMatchObject({ ok: false, code: 'not_your_turn' });
    h.run({ type: 'announcementFinished', announcementId: 'a1' }, T0 + 9 * MINUTE);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: T0 + 11 * MINUTE }]);
  });

  it('a request during an announcement on an idle speaker queues and is offered when it ends', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' });
    expect(h.request('alice', {}, T0 + MINUTE).result).toMatchObject({ ok: true, outcome: 'queued', position: 1 });
    h.run({ type: 'announcementFinished', announcementId: 'a1' }, T0 + 2 * MINUTE);
    expect(h.notices('alice')).toEqual([{ kind: 'turn_offered', claimDeadline: T0 + 4 * MINUTE }]);
  });

  it('a phone that connects during an announcement starts its clock when the announcement ends', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 30_000);
    h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + MINUTE);
    expect(h.effects('scheduleTimer')).toEqual([]);
    expect(h.state.mode).toBe('announcing');
    h.run({ type: 'announcementFinished', announcementId: 'a1' }, T0 + 3 * MINUTE);
    expect(h.state.session?.endsAt).toBe(T0 + 33 * MINUTE);
  });

  it('refuses to start an announcement on an offline speaker', () => {
    const h = playing();
    h.run({ type: 'speakerOffline' }, T0 + MINUTE);
    expect(h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }).result).toMatchObject({
      ok: false,
      code: 'speaker_offline',
    });
  });
});
