import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('opening hours: sessions stop at closing time and the queue waits for opening', () => {
  // Open 08:00–21:30 every day.
  const zone = zoneWith({ openingHours: { from: '08:00', to: '21:30' } });

  it('refuses requests while closed', () => {
    const h = new SpeakerHarness(zone, at('2025-06-02T07:30'));
    expect(h.request('alice').result).toEqual({ ok: false, code: 'zone_closed', message: 'this leisure area is closed now' });
  });

  it('cuts a late session to closing time and ends it then', () => {
    const h = new SpeakerHarness(zone, at('2025-06-02T21:10'));
    h.startSession('alice');
    expect(h.state.session?.endsAt).toBe(at('2025-06-02T21:30'));
    h.tick(at('2025-06-02T21:30'));
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'zone_closed', usedMs: 20 * MINUTE, note: null }]);
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'zone_closed' }]);
  });

  it('holds the queue overnight with a wake-up at opening, then offers the head', () => {
    const h = new SpeakerHarness(zone, at('2025-06-02T21:10'));
    h.startSession('alice');
    h.request('bob', {}, at('2025-06-02T21:15'));
    const closing = h.tick(at('2025-06-02T21:30'));
    expect(closing.effects).toContainEqual(expect.objectContaining({ type: 'scheduleTimer', kind: 'queue_resume', at: at('2025-06-03T08:00') }));
    expect(closing.effects).toContainEqual(expect.objectContaining({ type: 'queueChanged', blockedBy: 'zone_closed' }));
    expect(h.notices('bob')).toEqual([]);
    h.tick(at('2025-06-02T23:00'));
    expect(h.state.paused).toBe(true);
    // Quiet hours end at 07:00, but the area opens only at 08:00.
    h.tick(at('2025-06-03T07:00'));
    expect(h.state.paused).toBe(false);
    expect(h.state.queue[0].offeredAt).toBeNull();
    h.tick(at('2025-06-03T08:00'));
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: at('2025-06-03T08:02') }]);
  });
});
