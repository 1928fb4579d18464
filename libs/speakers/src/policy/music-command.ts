import type { DeviceCommandDataMap } from '@app/contracts';
import type { SpeakerEffect } from '../domain';

/** The `speaker.music` command data for a music effect (an absent playlist is left out, not null). */
export function musicCommandData(effect: Extract<SpeakerEffect, { type: 'sendMusic' }>): DeviceCommandDataMap['speaker.music'] {
  if (effect.action === 'stop') return { action: 'stop' };
  return { action: 'play', level: effect.level, cap: effect.cap, ...(effect.playlist !== null ? { playlist: effect.playlist } : {}) };
}
