import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('quiet hours that allow sessions: volume is clamped to the quiet cap', () => {
  const zone = zoneWith({ sessionsAllowedInQuietHours: true });
  const start = at('2025-06-02T21:40');
  const quietStart = at('2025-06-02T22:00');

  function loudSession(): SpeakerHarness {
    const h = new SpeakerHarness(zone, start);
    h.startSession('alice');
    h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 55 });
    return h;
  }

  it('the session is not cut at 22:00', () => {
    const h = loudSession();
    expect(h.state.session?.endsAt).toBe(start + 30 * MINUTE);
  });

  it('brings the running session under the quiet cap at 22:00 and tells the resident', () => {
    const h = loudSession();
    const step = h.run({ type: 'quietHoursStarted' }, quietStart);
    expect(step.effects).toEqual([
      { type: 'sendVolume', level: 25, cap: 25 },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'volume_clamped', sessionId: 's1', level: 25, cap: 25 } },
    ]);
    expect(h.state.session?.volume).toBe(25);
    expect(h.state.paused).toBe(false);
  });

  it('a quiet session already under the cap just gets the new cap', () => {
    const h = new SpeakerHarness(zone, start);
    h.startSession('alice');
    h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 20 });
    expect(h.run({ type: 'quietHoursStarted' }, quietStart).effects).toEqual([{ type: 'sendVolume', level: 20, cap: 25 }]);
  });

  it('clamps later requests during quiet hours', () => {
    const h = loudSession();
    h.run({ type: 'quietHoursStarted' }, quietStart);
    const louder = h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 40 }, quietStart + MINUTE);
    expect(louder.result).toEqual({
      ok: true,
      outcome: 'volume',
      decision: { requested: 40, level: 25, cap: 25, clamped: true, limitedBy: 'quiet_hours' },
    });
  });

  it('the queue keeps moving at night', () => {
    const h = loudSession();
    h.request('bob', {}, start + MINUTE);
    h.run({ type: 'quietHoursStarted' }, quietStart);
    h.tick(start + 30 * MINUTE);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: start + 32 * MINUTE }]);
  });

  it('in the morning the cap is raised but the level is not', () => {
    const h = new SpeakerHarness(zone, at('2025-06-03T06:50'));
    h.startSession('alice');
    expect(h.state.quiet).toBe(true);
    expect(h.effects('sendVolume')).toEqual([{ type: 'sendVolume', level: 25, cap: 25 }]);
    const morning = h.run({ type: 'quietHoursEnded' }, at('2025-06-03T07:00'));
    expect(morning.effects).toEqual([{ type: 'sendVolume', level: 25, cap: 60 }]);
  });
});
