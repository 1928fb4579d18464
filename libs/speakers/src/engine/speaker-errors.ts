import { DomainError, ErrorKind, FieldProblem } from '@app/core';
import type { SpeakerRefusalCode, SpeakerResult } from '../domain';

const KIND: Record<SpeakerRefusalCode, ErrorKind> = {
  banned: 'forbidden',
  already_holding: 'conflict',
  speaker_offline: 'conflict',
  zone_closed: 'conflict',
  quiet_hours: 'conflict',
  daily_cap_reached: 'conflict',
  queue_full: 'conflict',
  not_in_queue: 'conflict',
  not_your_turn: 'conflict',
  session_not_found: 'not_found',
  // Someone else's session is "not found" to a resident: its existence is none of their business.
  not_your_session: 'not_found',
  not_connected: 'conflict',
  invalid_code: 'bad_request',
  code_expired: 'conflict',
  announcement_not_playing: 'conflict',
};

/** The DomainError for a refused speaker command (SPEAKER_<CODE>, HTTP status by kind). */
export function refusalError(result: Extract<SpeakerResult, { ok: false }>): DomainError {
  if (result.code === 'not_your_session') return sessionNotFound();
  return new DomainError(`SPEAKER_${result.code.toUpperCase()}`, KIND[result.code], result.message);
}

export function sessionNotFound(): DomainError {
  return new DomainError('SPEAKER_SESSION_NOT_FOUND', 'not_found', 'speaker session not found');
}

export function speakerNotFound(id: string): DomainError {
  return new DomainError('SPEAKER_NOT_FOUND', 'not_found', `speaker ${id} not found`);
}

export function zoneNotFound(id: string): DomainError {
  return new DomainError('SPEAKER_ZONE_NOT_FOUND', 'not_found', `speaker zone ${id} not found`);
}

export function invalidRules(problems: FieldProblem[]): DomainError {
  return new DomainError('SPEAKER_INVALID_ZONE_RULES', 'bad_request', `Invalid zone rules: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, problems);
}
