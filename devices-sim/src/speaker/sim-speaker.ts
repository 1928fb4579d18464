import type { DeviceConfig, DeviceTelemetry } from '@app/contracts';
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
}

interface Track {
  state: PlaybackState;
  title?: string;
  artist?: string;
}

/**
 * A Bluetooth speaker: pairing windows, one phone at a time, playback, announcements, and a volume
 * that never exceeds the cap (the lowest of speaker.volume's cap, config volumeCap, quiet hours).
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

  constructor(options: SimSpeakerOptions) {
    const { announcementMs, ...device } = options;
    super({ ...device, kind: 'speaker' });
    this.announcementMs = typeof announcementMs === 'number' ? () => announcementMs : (announcementMs ?? simAnnouncementMs);
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
      const item: QueuedAnnouncement = { announcementId: cmd.data.announcementId, priority: cmd.data.priority };
      if (cmd.data.text !== undefined) item.text = cmd.data.text;
      if (cmd.data.audioUrl !== undefined) item.audioUrl = cmd.data.audioUrl;
      const wasPlaying = this.announcements.playing !== null;
      const decision = this.announcements.offer(item);
      if (decision.action === 'play') this.startAnnouncement(item, wasPlaying);
      return { ok: true, data: decision.action === 'queue' ? { queued: decision.position } : {} };
    });
    this.handleCommand('speaker.stop', () => {
      this.announcements.clear();
      this.cancel(this.announcementTimer);
      this.announcementTimer = null;
      this.musicBeforeAnnouncement = null;
      this.setPlayback('idle');
      return { ok: true };
    });
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
    this.announcementTimer = this.later(this.announcementMs(item), () => this.finishAnnouncement(item.announcementId));
  }

  private finishAnnouncement(announcementId: string): void {
    this.announcementTimer = null;
    this.played.push(announcementId);
    const next = this.announcements.finish(announcementId);
    if (next) {
      this.startAnnouncement(next, true);
      return;
    }
    const music = this.musicBeforeAnnouncement;
    this.musicBeforeAnnouncement = null;
    if (this.session && music && music.state !== 'idle') this.setPlayback(music.state, music.title, music.artist);
    else this.setPlayback('idle');
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
