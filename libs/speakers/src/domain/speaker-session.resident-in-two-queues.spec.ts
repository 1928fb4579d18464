import { residentHoldings } from './resident-holdings';
import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('one session or queue place per resident across speakers', () => {
  const T0 = at('2025-06-02T19:00');

  function twoBusySpeakers(): { a: SpeakerHarness; b: SpeakerHarness } {
    const a = new SpeakerHarness(zoneWith(), T0, undefined, 'spk-A');
    const b = new SpeakerHarness(zoneWith(), T0, undefined, 'spk-B');
    a.startSession('alice');
    b.startSession('bob');
    return { a, b };
  }

  it('lists where a resident holds a session or a queue place', () => {
    const { a, b } = twoBusySpeakers();
    a.request('carol', {}, T0 + MINUTE);
    expect(residentHoldings([a.state, b.state], 'carol')).toEqual([{ speakerId: 'spk-A', kind: 'queue' }]);
    expect(residentHoldings([a.state, b.state], 'bob')).toEqual([{ speakerId: 'spk-B', kind: 'session' }]);
    expect(residentHoldings([a.state, b.state], 'zoe')).toEqual([]);
  });

  it('refuses a second queue place at another speaker and leaves that queue untouched', () => {
    const { a, b } = twoBusySpeakers();
    a.request('carol', {}, T0 + MINUTE);
    const second = b.request('carol', { holdings: residentHoldings([a.state, b.state], 'carol') }, T0 + 2 * MINUTE);
    expect(second.result).toEqual({
      ok: false,
      code: 'already_holding',
      message: 'you already hold a queue place at another speaker; one at a time',
    });
    expect(second.effects).toEqual([]);
    expect(b.state.queue).toEqual([]);
  });

  it('refuses to queue elsewhere while holding a session', () => {
    const { a, b } = twoBusySpeakers();
    const queued = b.request('alice', { holdings: residentHoldings([a.state, b.state], 'alice') }, T0 + MINUTE);
    expect(queued.result).toMatchObject({ ok: false, code: 'already_holding' });
    expect(b.queueIds()).toEqual([]);
  });

  it('after leaving the first queue the resident may join the other one', () => {
    const { a, b } = twoBusySpeakers();
    a.request('carol', {}, T0 + MINUTE);
    expect(a.run({ type: 'leaveQueue', residentId: 'carol' }, T0 + 2 * MINUTE).result).toEqual({ ok: true, outcome: 'done' });
    const joined = b.request('carol', { holdings: residentHoldings([a.state, b.state], 'carol') }, T0 + 3 * MINUTE);
    expect(joined.result).toMatchObject({ ok: true, outcome: 'queued', position: 1 });
  });

  it('a holding reported for this same speaker is read from its own state, not refused', () => {
    const { a } = twoBusySpeakers();
    a.request('carol', {}, T0 + MINUTE);
    const again = a.request('carol', { holdings: [{ speakerId: 'spk-A', kind: 'queue' }] }, T0 + 2 * MINUTE);
    expect(again.result).toMatchObject({ ok: true, outcome: 'queued', position: 1 });
  });
});
