import type { DeviceConfig, DeviceEventData, DeviceTelemetry } from '@app/contracts';
import { SimDevice } from '../device/sim-device';
import type { SimDeviceOptions } from '../device/sim-device-options';
import { AnnouncementQueue, simAnnouncementMs, type QueuedAnnouncement } from './announcement-queue';
import { effectiveVolumeCap } from './volume-cap';

interface Pairing {
  sessionId: string;
  code: string;
  until: number;
}

interface PhoneSession {
  sessionId: string;
  phoneMac: string;
}

export type PlaybackState = 'playing' | 'paused' | 'idle';

export interface SimSpeakerOptions extends Omit<SimDeviceOptions, 'kind'> {
  /** How long an announcement plays (ms, or per announcement); default ~4 characters a second. */
  announcementMs?: number | ((announcement: QueuedAnnouncement) => number);
  /**
   * Send `announcement.played` when an announcement ends (default true). False plays an older
   * speaker that never reports, for which the backend infers "played" from the duration.
   */
  reportsPlayed?: boolean;
}

type AnnouncementEnd = DeviceEventData<'announcement.played'>['status'];

interface Track {
  state: PlaybackState;
  title?: string;
  artist?: string;
}

/**
 * A Bluetooth speaker: pairing windows, one phone at a time, playback, announcements (each reported
 * with `announcement.played` when it ends), the zone's background music (`speaker.music`), and a
 * volume that never exceeds the cap (the lowest of the command cap, config volumeCap, quiet hours).
 * Traffic comes from `pairPhone`, `play`, `setVolume`, `leave`.
 */
export class SimSpeaker extends SimDevice {
  private level = 30;
  private commandCap = 100;
  private pairing: Pairing | null = null;
  private session: PhoneSession | null = null;
  private playbackState: PlaybackState = 'idle';
  private track: Track = { state: 'idle' };
  private readonly announcements = new AnnouncementQueue();
  private announcementTimer: NodeJS.Timeout | null = null;
  /** What the phone was playing when an announcement took over (resumed afterwards). */
  private musicBeforeAnnouncement: Track | null = null;
  /** Announcements that played to their end, in order (ids). */
  readonly played: string[] = [];
  private readonly announcementMs: (announcement: QueuedAnnouncement) => number;
  private readonly reportsPlayed: boolean;
  /** The zone's background music playing (or waiting under an announcement), null when none. */
  private music: { playlist: string | null } | null = null;

  constructor(options: SimSpeakerOptions) {
    const { announcementMs, reportsPlayed, ...device } = options;
    super({ ...device, kind: 'speaker' });
    this.announcementMs = typeof announcementMs === 'number' ? () => announcementMs : (announcementMs ?? simAnnouncementMs);
    this.reportsPlayed = reportsPlayed ?? true;
    this.handleCommand('speaker.volume', (cmd) => {
      this.commandCap = cmd.data.cap;
      this.applyLevel(cmd.data.level);
      return { ok: true, data: { level: this.level, cap: this.cap() } };
    });
    this.handleCommand('speaker.pairing.open', (cmd) => {
      this.pairing = { sessionId: cmd.data.sessionId, code: cmd.data.code, until: Date.parse(cmd.data.until) };
      return { ok: true };
    });
    this.handleCommand('speaker.disconnect', (cmd) => {
      // A session ended before its phone paired: its window closes too.
      if (this.pairing?.sessionId === cmd.data.sessionId) this.pairing = null;
      if (this.session?.sessionId === cmd.data.sessionId) this.endSession('kicked');
      return { ok: true, data: { connected: this.session !== null } };
    });
    this.handleCommand('speaker.announce', (cmd) => {
      const item: QueuedAnnouncement = { announcementId: cmd.data.announcementId, commandId: cmd.id, priority: cmd.data.priority };
      if (cmd.data.text !== undefined) item.text = cmd.data.text;
      if (cmd.data.audioUrl !== undefined) item.audioUrl = cmd.data.audioUrl;
      const wasPlaying = this.announcements.playing !== null;
      const decision = this.announcements.offer(item);
      if (decision.action === 'play' && decision.interrupted) this.reportEnd(decision.interrupted, 'interrupted', 'an emergency took over');
      if (decision.action === 'play') this.startAnnouncement(item, wasPlaying);
      return { ok: true, data: decision.action === 'queue' ? { queued: decision.position } : {} };
    });
    this.handleCommand('speaker.stop', () => {
      const playing = this.announcements.playing;
      if (playing) this.reportEnd(playing, 'interrupted', 'stopped');
      for (const waiting of this.announcements.pending) this.reportEnd(waiting, 'failed', 'stopped before it played');
      this.announcements.clear();
      this.cancel(this.announcementTimer);
      this.announcementTimer = null;
      this.musicBeforeAnnouncement = null;
      this.music = null;
      this.setPlayback('idle');
      return { ok: true };
    });
    this.handleCommand('speaker.music', (cmd) => {
      if (cmd.data.action === 'stop') {
        this.stopMusic();
        return { ok: true };
      }
      // A connected phone owns the speaker; the backend stops the music before it pairs one.
      if (this.session) return { ok: false, code: 'BUSY', message: 'a phone is connected' };
      this.commandCap = cmd.data.cap ?? this.commandCap;
      this.applyLevel(cmd.data.level ?? this.level);
      this.music = { playlist: cmd.data.playlist ?? null };
      const track: Track = { state: 'playing', title: `Background music: ${cmd.data.playlist ?? 'default'}` };
      if (this.announcements.playing) this.musicBeforeAnnouncement = track;
      else this.setPlayback(track.state, track.title);
      return { ok: true, data: { level: this.level, cap: this.cap() } };
    });
  }

  /** The zone's background music playing now (null: none, or a phone / announcement has the speaker). */
  get backgroundMusic(): { playlist: string | null; level: number } | null {
    return this.music && !this.announcements.playing ? { playlist: this.music.playlist, level: this.level } : null;
  }

  get volume(): number {
    return this.level;
  }

  get playback(): PlaybackState {
    return this.playbackState;
  }

  get sessionId(): string | null {
    return this.session?.sessionId ?? null;
  }

  /** The announcement playing now, if any (an emergency interrupts music and normal ones). */
  get announcement(): QueuedAnnouncement | null {
    return this.announcements.playing;
  }

  /** Announcements waiting behind the one playing. */
  get pendingAnnouncements(): readonly QueuedAnnouncement[] {
    return this.announcements.pending;
  }

  /** The cap in force right now (device clock). */
  cap(): number {
    const config = this.config;
    return effectiveVolumeCap(this.now(), { commandCap: this.commandCap, configCap: config?.volumeCap, quietHours: config?.quietHours });
  }

  /** A phone tries to pair with a code; true (and bt.connected) when a pairing window accepts it. */
  pairPhone(code: string, phoneMac: string): boolean {
    const pairing = this.pairing;
    if (!pairing || pairing.code !== code || this.now() >= pairing.until || this.session) return false;
    this.pairing = null; // one phone per window
    this.stopMusic(); // the phone takes over, even if the backend's stop was lost
    this.session = { sessionId: pairing.sessionId, phoneMac };
    this.emitEvent('bt.connected', { sessionId: pairing.sessionId, code, phoneMac });
    return true;
  }

  /** The phone plays something. */
  play(title: string, artist?: string): void {
    if (!this.session) return;
    // Under an announcement the music waits, and resumes when it is over.
    if (this.announcements.playing) this.musicBeforeAnnouncement = { state: 'playing', title, artist };
    else this.setPlayback('playing', title, artist);
  }

  /** The phone asks for a level; the speaker clamps it to the cap and reports what it plays at. */
  setVolume(level: number): number {
    this.applyLevel(level);
    return this.level;
  }

  /** The phone leaves (user, timeout, out of range). */
  leave(reason: 'user' | 'timeout' | 'out_of_range' = 'user'): void {
    if (this.session) this.endSession(reason);
  }

  protected override onConfigApplied(_config: DeviceConfig): void {
    this.applyLevel(this.level);
  }

  protected override telemetryState(): Partial<DeviceTelemetry> {
    // Quiet hours start without any message: re-check the cap on every report.
    this.applyLevel(this.level);
    return { volume: this.level, volumeCap: this.cap(), playback: this.playbackState, sessionId: this.session?.sessionId ?? null, battery: null };
  }

  private applyLevel(requested: number): void {
    const next = Math.max(0, Math.min(Math.round(requested), this.cap()));
    if (next !== this.level) {
      this.level = next;
      this.emitEvent('volume', { level: next });
    }
  }

  private startAnnouncement(item: QueuedAnnouncement, overAnother: boolean): void {
    // Music is remembered once; an announcement replacing another keeps the music from before both.
    if (!overAnother) this.musicBeforeAnnouncement = this.track;
    this.cancel(this.announcementTimer);
    this.setPlayback('playing', `Announcement: ${(item.text ?? item.audioUrl ?? '').slice(0, 280)}`);
    this.announcementTimer = this.later(this.announcementMs(item), () => this.finishAnnouncement(item));
  }

  private finishAnnouncement(item: QueuedAnnouncement): void {
    this.announcementTimer = null;
    this.played.push(item.announcementId);
    this.reportEnd(item, 'played');
    const next = this.announcements.finish(item.announcementId);
    if (next) {
      this.startAnnouncement(next, true);
      return;
    }
    const music = this.musicBeforeAnnouncement;
    this.musicBeforeAnnouncement = null;
    if ((this.session || this.music) && music && music.state !== 'idle') this.setPlayback(music.state, music.title, music.artist);
    else this.setPlayback('idle');
  }

  private reportEnd(item: QueuedAnnouncement, status: AnnouncementEnd, detail?: string): void {
    if (!this.reportsPlayed) return;
    const data: DeviceEventData<'announcement.played'> = { announcementId: item.announcementId, status };
    if (item.commandId !== undefined) data.commandId = item.commandId;
    if (detail !== undefined) data.detail = detail;
    this.emitEvent('announcement.played', data);
  }

  private stopMusic(): void {
    if (!this.music) return;
    this.music = null;
    if (this.announcements.playing) this.musicBeforeAnnouncement = null;
    else if (!this.session) this.setPlayback('idle');
  }

  private setPlayback(state: PlaybackState, title?: string, artist?: string): void {
    this.playbackState = state;
    if (!this.announcements.playing) this.track = { state, title, artist };
    const data: { state: PlaybackState; title?: string; artist?: string } = { state };
    if (title !== undefined) data.title = title;
    if (artist !== undefined) data.artist = artist;
    this.emitEvent('playback', data);
  }

  private endSession(reason: 'user' | 'kicked' | 'timeout' | 'out_of_range'): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    this.emitEvent('bt.disconnected', { sessionId: session.sessionId, reason });
    if (this.playbackState !== 'idle' && !this.announcement) this.setPlayback('idle');
  }
}
