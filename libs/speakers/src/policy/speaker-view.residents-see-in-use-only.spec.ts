import { SpeakerHarness, at, zoneWith } from '../domain/speaker-harness.fixture';
import { speakerView, SpeakerViewInput } from './speaker-view';

function input(h: SpeakerHarness, now: number, myPlaceId: string | null = null): SpeakerViewInput {
  return { deviceId: 'spk-1', name: 'Lakeside north', siteId: 'site-1', zoneName: 'Lakeside', state: h.state, version: 7, playback: null, zone: h.zone, now, myPlaceId };
}

describe('speaker views', () => {
  const t0 = at('2025-06-02T19:00');

  it('shows residents "in use" and the queue length, never who uses it or who waits', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    h.request('bob', {}, t0);
    const view = speakerView(input(h, t0), { kind: 'resident', residentId: 'carol' });
    expect(view).toMatchObject({ inUse: true, mode: 'active', queueLength: 1, mine: null, volume: 40, cap: 60 });
    expect(view.session).toBeUndefined();
    expect(view.queue).toBeUndefined();
    expect(JSON.stringify(view)).not.toMatch(/alice|bob|s1/);
  });

  it('shows the owner their session, and a queued resident their place and wait', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    h.request('bob', {}, t0);
    expect(speakerView(input(h, t0), { kind: 'resident', residentId: 'alice' }).mine).toMatchObject({ kind: 'session', sessionId: 's1', phase: 'connected', code: null });
    const bob = speakerView(input(h, t0, 'place-9'), { kind: 'resident', residentId: 'bob' }).mine;
    expect(bob).toEqual({ kind: 'queue', placeId: 'place-9', position: 1, estimatedWaitSeconds: 30 * 60, offered: false, claimDeadline: null });
  });

  it('gives the pairing code to its owner only', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.request('alice', {}, t0);
    expect(speakerView(input(h, t0), { kind: 'resident', residentId: 'alice' }).mine).toMatchObject({ kind: 'session', phase: 'pairing', code: '123456' });
    expect(JSON.stringify(speakerView(input(h, t0), { kind: 'resident', residentId: 'bob' }))).not.toContain('123456');
  });

  it('shows staff who is playing and who waits', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    h.request('bob', {}, t0);
    const view = speakerView(input(h, t0), { kind: 'staff' });
    expect(view.session).toMatchObject({ sessionId: 's1', residentId: 'alice', phase: 'connected' });
    expect(view.queue).toEqual([expect.objectContaining({ residentId: 'bob', position: 1, offered: false })]);
    expect(view.mine).toBeUndefined();
  });

  it('a free online speaker has no wait; an offline one cannot say', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    expect(speakerView(input(h, t0), { kind: 'staff' }).estimatedWaitSeconds).toBe(0);
    h.run({ type: 'speakerOffline' }, t0);
    expect(speakerView(input(h, t0), { kind: 'staff' }).estimatedWaitSeconds).toBeNull();
  });
});
