import type { DeviceConfig, DeviceTelemetry } from '@app/contracts';
import { SimDevice } from '../device/sim-device';
import type { SimDeviceOptions } from '../device/sim-device-options';
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
  /** The announcement playing now, if any (emergency ones interrupt music). */
  announcement: { announcementId: string; priority: 'normal' | 'emergency' } | null = null;

  constructor(options: Omit<SimDeviceOptions, 'kind'>) {
    super({ ...options, kind: 'speaker' });
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
      if (this.session?.sessionId === cmd.data.sessionId) this.endSession('kicked');
      return { ok: true, data: { connected: this.session !== null } };
    });
    this.handleCommand('speaker.announce', (cmd) => {
      if (this.announcement?.priority === 'emergency' && cmd.data.priority !== 'emergency') {
        return { ok: false, code: 'BUSY', message: 'an emergency announcement is playing' };
      }
      this.announcement = { announcementId: cmd.data.announcementId, priority: cmd.data.priority };
      this.setPlayback('playing', cmd.data.text?.slice(0, 300) ?? 'announcement');
      return { ok: true };
    });
    this.handleCommand('speaker.stop', () => {
      this.announcement = null;
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
    this.setPlayback('playing', title, artist);
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

  private setPlayback(state: PlaybackState, title?: string, artist?: string): void {
    this.playbackState = state;
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
