import { at, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('volume changes during a session', () => {
  const T0 = at('2025-06-02T19:00');

  it('applies a level within the cap and sends it with the cap', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    const step = h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 50 });
    expect(step.result).toEqual({ ok: true, outcome: 'volume', decision: { requested: 50, level: 50, cap: 60, clamped: false, limitedBy: null } });
    expect(step.effects).toEqual([{ type: 'sendVolume', level: 50, cap: 60 }]);
    expect(h.state.session?.volume).toBe(50);
  });

  it('clamps a request above the zone cap', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    const step = h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 90 });
    expect(step.result).toMatchObject({ decision: { level: 60, clamped: true, limitedBy: 'zone_cap' } });
  });

  it('only the session owner (or staff) may change it, and only once a phone is connected', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    expect(h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 30 }).result).toMatchObject({
      ok: false,
      code: 'not_connected',
    });
    h.run({ type: 'btConnected', sessionId: 's1', code: '123456' });
    expect(h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'bob' }, sessionId: 's1', level: 30 }).result).toMatchObject({
      ok: false,
      code: 'not_your_session',
    });
    expect(h.run({ type: 'setVolume', by: { kind: 'staff', staffId: 'st-1' }, sessionId: 's1', level: 30 }).result).toMatchObject({ ok: true });
  });

  it('a staff lock applied to the zone clamps the running session', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.zone = zoneWith({ volumeLock: 30 });
    const step = h.run({ type: 'zoneChanged' });
    expect(step.effects).toEqual([
      { type: 'sendVolume', level: 30, cap: 30 },
      { type: 'notifyResident', residentId: 'alice', notice: { kind: 'volume_clamped', sessionId: 's1', level: 30, cap: 30 } },
    ]);
  });

  it('corrects a speaker that reports playing above the cap, and tracks levels within it', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    expect(h.run({ type: 'volumeReported', level: 80 }).effects).toEqual([{ type: 'sendVolume', level: 60, cap: 60 }]);
    expect(h.run({ type: 'volumeReported', level: 35 }).effects).toEqual([]);
    expect(h.state.session?.volume).toBe(35);
  });
});
