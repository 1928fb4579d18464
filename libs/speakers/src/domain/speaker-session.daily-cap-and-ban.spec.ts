import { at, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('daily cap and bans gate a request', () => {
  const T0 = at('2025-06-02T19:00');

  it('refuses a resident who used up the daily sessions', () => {
    const h = new SpeakerHarness(zoneWith({ dailySessionCap: 3 }), T0);
    const refused = h.request('alice', { sessionsToday: 3 });
    expect(refused.result).toEqual({ ok: false, code: 'daily_cap_reached', message: 'daily limit of 3 sessions reached' });
    expect(refused.effects).toEqual([]);
    expect(h.request('alice', { sessionsToday: 2 }).result).toMatchObject({ ok: true, outcome: 'pairing' });
  });

  it('also refuses to queue when the cap is reached', () => {
    const h = new SpeakerHarness(zoneWith({ dailySessionCap: 1 }), T0);
    h.startSession('alice');
    expect(h.request('bob', { sessionsToday: 1 }).result).toMatchObject({ ok: false, code: 'daily_cap_reached' });
    expect(h.queueIds()).toEqual([]);
  });

  it('has no cap when the zone sets none', () => {
    const h = new SpeakerHarness(zoneWith({ dailySessionCap: null }), T0);
    expect(h.request('alice', { sessionsToday: 50 }).result).toMatchObject({ ok: true, outcome: 'pairing' });
  });

  it('refuses a banned resident', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    expect(h.request('mallory', { banned: true }).result).toEqual({
      ok: false,
      code: 'banned',
      message: 'you are not allowed to use the community speakers at the moment',
    });
    expect(h.state.session).toBeNull();
  });

  it('refuses while the speaker is offline', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.run({ type: 'speakerOffline' });
    expect(h.request('alice').result).toEqual({ ok: false, code: 'speaker_offline', message: 'this speaker is offline' });
  });
});
