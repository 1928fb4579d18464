// Test kit for the speaker specs (not exported from the domain index).
import { DateTime } from 'luxon';
import { EpochMs } from './daily-window';
import { ResidentHolding, SpeakerCommand, SpeakerContext, SpeakerTransition } from './speaker-commands';
import { ResidentNotice, SpeakerEffect } from './speaker-effects';
import { reduceSpeaker } from './speaker-session';
import { initialSpeakerState, SpeakerState } from './speaker-state';
import { createZoneRules, ZoneRules, ZoneRulesInput } from './zone-rules';

export const SITE_TZ = 'Asia/Shanghai';
export const MINUTE = 60_000;

// Local wall-clock time in the site zone: at('2025-06-02T19:00').
export function at(local: string, zone = SITE_TZ): EpochMs {
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) throw new Error(`bad local time ${local}`);
  return parsed.toMillis();
}

export function zoneWith(overrides: Partial<ZoneRulesInput> = {}): ZoneRules {
  return createZoneRules({ zoneId: 'lakeside', timeZone: SITE_TZ, ...overrides });
}

// An RNG that yields the given pairing codes in order.
export function codeSequence(...codes: string[]): () => number {
  let index = 0;
  return () => {
    const code = codes[index++ % codes.length];
    return (Number(code) + 0.5) / 1_000_000;
  };
}

type EffectOf<T extends SpeakerEffect['type']> = Extract<SpeakerEffect, { type: T }>;

export class SpeakerHarness {
  state: SpeakerState;
  now: EpochMs;
  last: SpeakerTransition | null = null;
  private sessionCounter = 0;

  constructor(
    public zone: ZoneRules,
    start: EpochMs,
    private readonly random: () => number = codeSequence('123456', '234567', '345678', '456789', '567890'),
    speakerId = 'spk-1',
  ) {
    this.now = start;
    this.state = initialSpeakerState(speakerId, zone.zoneId, true);
  }

  context(now: EpochMs): SpeakerContext {
    return { now, zone: this.zone, random: this.random, newId: () => `s${++this.sessionCounter}` };
  }

  run(command: SpeakerCommand, now: EpochMs = this.now): SpeakerTransition {
    this.now = now;
    this.last = reduceSpeaker(this.state, command, this.context(now));
    this.state = this.last.state;
    return this.last;
  }

  request(residentId: string, options: { holdings?: ResidentHolding[]; sessionsToday?: number; banned?: boolean } = {}, now = this.now) {
    return this.run(
      {
        type: 'requestSession',
        resident: { residentId, holdings: options.holdings ?? [], sessionsToday: options.sessionsToday ?? 0, banned: options.banned ?? false },
      },
      now,
    );
  }

  // Request, then pair with the right code: returns the session id.
  startSession(residentId: string, now = this.now): string {
    const requested = this.request(residentId, {}, now);
    if (!requested.result.ok || requested.result.outcome !== 'pairing') throw new Error(`expected pairing, got ${JSON.stringify(requested.result)}`);
    this.run({ type: 'btConnected', sessionId: requested.result.sessionId, code: requested.result.code }, now);
    return requested.result.sessionId;
  }

  tick(now: EpochMs): SpeakerTransition {
    return this.run({ type: 'tick' }, now);
  }

  effects<T extends SpeakerEffect['type']>(type: T): EffectOf<T>[] {
    return (this.last?.effects ?? []).filter((effect): effect is EffectOf<T> => effect.type === type);
  }

  notices(residentId?: string): ResidentNotice[] {
    return this.effects('notifyResident')
      .filter((effect) => residentId === undefined || effect.residentId === residentId)
      .map((effect) => effect.notice);
  }

  queueIds(): string[] {
    return this.state.queue.map((entry) => entry.residentId);
  }
}
