import { decideBackgroundMusic } from './background-music';
import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { appliedVolumeLimits } from './zone-rules';

// When the reducer starts and stops a zone's background music on one speaker (`sendMusic`).
describe('background music on a speaker: when to play and when to stop', () => {
  const zone = zoneWith({
    volumeCap: 60,
    backgroundMusic: [
      { from: '07:00', to: '09:00', volume: 30, playlist: 'soft-morning' },
      { from: '21:00', to: '23:00', volume: 40 },
    ],
  });
  const idle = { online: true, session: null, announcement: null };

  describe('decideBackgroundMusic (pure)', () => {
    const limits = appliedVolumeLimits(zone, false);

    it('plays the schedule whose window is open, under the caps', () => {
      expect(decideBackgroundMusic(zone, idle, at('2025-06-02T07:30'), limits)).toEqual({
        action: 'play',
        music: { playlist: 'soft-morning', level: 30, cap: 60 },
      });
      expect(decideBackgroundMusic(zone, idle, at('2025-06-02T10:00'), limits)).toEqual({ action: 'silent', reason: 'outside_schedule' });
    });

    it('gives way to a resident session (pairing too), an announcement, and an offline speaker', () => {
      const now = at('2025-06-02T07:30');
      expect(decideBackgroundMusic(zone, { ...idle, session: {} }, now, limits)).toEqual({ action: 'silent', reason: 'resident_session' });
      expect(decideBackgroundMusic(zone, { ...idle, announcement: {} }, now, limits)).toEqual({ action: 'silent', reason: 'announcement' });
      expect(decideBackgroundMusic(zone, { ...idle, online: false }, now, limits)).toEqual({ action: 'silent', reason: 'speaker_offline' });
    });

    it('stays under the quiet-hours cap and a staff lock', () => {
      const now = at('2025-06-02T22:30');
      expect(decideBackgroundMusic(zone, idle, now, appliedVolumeLimits(zone, true))).toEqual({ action: 'play', music: { playlist: null, level: 25, cap: 25 } });
      const locked = zoneWith({ ...zone, volumeLock: 10 });
      expect(decideBackgroundMusic(locked, idle, at('2025-06-02T07:30'), appliedVolumeLimits(locked, false))).toMatchObject({ music: { level: 10, cap: 10 } });
    });
  });

  describe('in the reducer', () => {
    it('starts at the window start on an idle speaker, once (repeated ticks send nothing)', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T06:59'));
      h.tick(at('2025-06-02T06:59'));
      expect(h.effects('sendMusic')).toEqual([]);
      expect(h.state.mode).toBe('idle');
      h.tick(at('2025-06-02T07:00'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'play', playlist: 'soft-morning', level: 30, cap: 60 }]);
      expect(h.state).toMatchObject({ mode: 'background', music: { playlist: 'soft-morning', level: 30 } });
      h.tick(at('2025-06-02T07:01'));
      expect(h.effects('sendMusic')).toEqual([]);
    });

    it('stops when a resident starts pairing and resumes after the session ends inside the window', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T07:00'));
      h.tick(at('2025-06-02T07:00'));
      h.request('alice', {}, at('2025-06-02T07:10'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'stop' }]);
      expect(h.effects('sendPairingOpen')).toHaveLength(1);
      expect(h.state).toMatchObject({ mode: 'pairing', music: null });
      h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, at('2025-06-02T07:11'));
      expect(h.effects('sendMusic')).toEqual([]);
      h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, at('2025-06-02T07:20'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'play', playlist: 'soft-morning', level: 30, cap: 60 }]);
    });

    it('a pairing that expires gives the music back', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T07:00'));
      h.request('alice', {}, at('2025-06-02T07:00'));
      expect(h.state.music).toBeNull();
      h.tick(at('2025-06-02T07:00') + 2 * MINUTE);
      expect(h.effects('sendMusic')).toEqual([expect.objectContaining({ action: 'play' })]);
    });

    it('gives way to an announcement and comes back after it', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T07:00'));
      h.tick(at('2025-06-02T07:00'));
      h.run({ type: 'announcementStarted', announcementId: 'a1', priority: 'normal' }, at('2025-06-02T07:05'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'stop' }]);
      expect(h.state.mode).toBe('announcing');
      h.run({ type: 'announcementFinished', announcementId: 'a1' }, at('2025-06-02T07:06'));
      expect(h.effects('sendMusic')).toEqual([expect.objectContaining({ action: 'play' })]);
    });

    it('is brought under the quiet cap when quiet hours begin, and stops at the window end', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T21:00'));
      h.tick(at('2025-06-02T21:00'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'play', playlist: null, level: 40, cap: 60 }]);
      h.tick(at('2025-06-02T22:00'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'play', playlist: null, level: 25, cap: 25 }]);
      h.tick(at('2025-06-02T23:00'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'stop' }]);
      expect(h.state).toMatchObject({ mode: 'idle', music: null });
    });

    it('a staff lock below the level re-sends the music at the lock', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T07:00'));
      h.tick(at('2025-06-02T07:00'));
      h.zone = zoneWith({ ...zone, volumeLock: 15 });
      h.run({ type: 'zoneChanged' }, at('2025-06-02T07:01'));
      expect(h.effects('sendMusic')).toEqual([{ type: 'sendMusic', action: 'play', playlist: 'soft-morning', level: 15, cap: 15 }]);
    });

    it('an offline speaker is sent nothing; it gets the music again once back online', () => {
      const h = new SpeakerHarness(zone, at('2025-06-02T07:00'));
      h.tick(at('2025-06-02T07:00'));
      h.run({ type: 'speakerOffline' }, at('2025-06-02T07:05'));
      expect(h.effects('sendMusic')).toEqual([]);
      expect(h.state.music).toBeNull();
      h.run({ type: 'speakerOnline' }, at('2025-06-02T07:06'));
      expect(h.effects('sendMusic')).toEqual([expect.objectContaining({ action: 'play', level: 30 })]);
    });
  });
});
