import { estimatedWait } from './estimated-wait';
import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';

describe('estimated wait for a queue position', () => {
  const T0 = at('2025-06-02T19:00');

  it('is the remaining session time for the first in line, plus a full session per resident ahead', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob');
    h.request('carol');
    const now = T0 + 10 * MINUTE;
    expect(estimatedWait(1, h.state, h.zone, now)).toEqual({ waitMs: 20 * MINUTE, startsAt: T0 + 30 * MINUTE });
    expect(estimatedWait(2, h.state, h.zone, now)).toEqual({ waitMs: 50 * MINUTE, startsAt: T0 + 60 * MINUTE });
    expect(estimatedWait(3, h.state, h.zone, now)?.waitMs).toBe(80 * MINUTE);
  });

  it('jumps over quiet hours that forbid sessions', () => {
    const h = new SpeakerHarness(zoneWith(), at('2025-06-02T21:00'));
    h.startSession('alice');
    h.request('bob');
    h.request('carol');
    // alice until 21:30, bob 21:30–22:00 (cut by quiet hours), carol at 07:00.
    expect(estimatedWait(2, h.state, h.zone, at('2025-06-02T21:00'))).toEqual({
      waitMs: at('2025-06-03T07:00') - at('2025-06-02T21:00'),
      startsAt: at('2025-06-03T07:00'),
    });
  });

  it('counts a pairing session as a full one from now, and freezes an interrupted session\'s clock', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.request('alice');
    expect(estimatedWait(1, h.state, h.zone, T0 + MINUTE)?.waitMs).toBe(30 * MINUTE);
    h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + MINUTE);
    h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'emergency' }, T0 + 11 * MINUTE);
    expect(estimatedWait(1, h.state, h.zone, T0 + 16 * MINUTE)?.waitMs).toBe(20 * MINUTE);
  });

  it('is zero for a free speaker and unknown for an offline one', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    expect(estimatedWait(1, h.state, h.zone, T0)?.waitMs).toBe(0);
    h.run({ type: 'speakerOffline' });
    expect(estimatedWait(1, h.state, h.zone, T0)).toBeNull();
  });

  it('rejects a position below 1', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    expect(() => estimatedWait(0, h.state, h.zone, T0)).toThrow(RangeError);
  });
});
