import type { SessionTimings, SpeakerState, ZoneRules } from '../domain';
import type { SpeakerPlayback } from '../speakers/speaker.entity';
import type { ZoneTimingsSeconds } from '../policy/zone-input';

/** A speaker row with its zone's rules, as read (and locked) for one command. */
export interface LockedSpeaker {
  deviceId: string;
  siteId: string;
  zoneId: string;
  zoneName: string;
  state: SpeakerState;
  version: number;
  playback: SpeakerPlayback | null;
  zone: ZoneRules;
  /** The device is active (not decommissioned). */
  active: boolean;
  timingOverrides: ZoneTimingsSeconds;
  timings: SessionTimings;
}
