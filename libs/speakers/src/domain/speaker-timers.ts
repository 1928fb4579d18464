import { EpochMs } from './daily-window';
import { SpeakerTimerKind } from './speaker-effects';

export interface SessionTimings {
  // How long a one-time pairing code is accepted.
  readonly pairingMs: number;
  // How long the head of the queue has to claim an offered turn.
  readonly claimMs: number;
  // How long before the end the resident is warned.
  readonly warningMs: number;
  // How long a phone that dropped out of range may come back before the session ends.
  readonly reconnectGraceMs: number;
}

export const DEFAULT_SESSION_TIMINGS: SessionTimings = {
  pairingMs: 2 * 60_000,
  claimMs: 2 * 60_000,
  warningMs: 2 * 60_000,
  reconnectGraceMs: 2 * 60_000,
};

// Stable, deterministic job id (BullMQ forbids ':' in custom ids). The due time is part of the id,
// so a rescheduled timer gets a new id while a replayed reducer step yields the same one.
export function speakerTimerId(speakerId: string, kind: SpeakerTimerKind, subject: string, at: EpochMs): string {
  return ['spk', speakerId, kind, subject, String(at)].map((part) => part.replace(/:/g, '_')).join('-');
}
