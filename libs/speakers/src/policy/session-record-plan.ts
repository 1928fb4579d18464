import { EpochMs, SessionEndReason, SpeakerCommand, SpeakerEffect, SpeakerResult, SpeakerState } from '../domain';

// What one reducer step means for the speaker_sessions history: queue places, session phases,
// missed turns, and queue places that are gone (left, or passed on). Pure; the store runs it as SQL.

export type SessionRecordOp =
  | { op: 'queue_place'; residentId: string; at: EpochMs }
  | {
      op: 'session';
      sessionId: string;
      residentId: string;
      event: 'created' | 'pairing' | 'connected' | 'reconnecting' | 'interrupted' | 'resumed' | 'ended';
      at: EpochMs;
      reason?: SessionEndReason;
      usedMs?: number;
      countsTowardDailyCap?: boolean;
      note?: string | null;
    }
  | { op: 'turn_missed'; residentId: string; at: EpochMs }
  // Queue places of residents no longer in the queue (and not now in session) are closed as left.
  | { op: 'close_queue_places_except'; keep: string[]; at: EpochMs };

export interface RecordStep {
  command: SpeakerCommand;
  result: SpeakerResult;
  effects: readonly SpeakerEffect[];
}

export function planSessionRecords(steps: readonly RecordStep[], stateAfter: SpeakerState, now: EpochMs): SessionRecordOp[] {
  const ops: SessionRecordOp[] = [];
  for (const { command, result, effects } of steps) {
    if (command.type === 'requestSession' && result.ok && result.outcome === 'queued') {
      ops.push({ op: 'queue_place', residentId: command.resident.residentId, at: now });
    }
    for (const effect of effects) {
      if (effect.type === 'sessionEvent') {
        const note = effect.event === 'ended' ? endNote(effects, effect.sessionId) : undefined;
        ops.push({
          op: 'session',
          sessionId: effect.sessionId,
          residentId: effect.residentId,
          event: effect.event,
          at: effect.at,
          ...(effect.reason ? { reason: effect.reason } : {}),
          ...(effect.usedMs !== undefined ? { usedMs: effect.usedMs } : {}),
          ...(effect.countsTowardDailyCap !== undefined ? { countsTowardDailyCap: effect.countsTowardDailyCap } : {}),
          ...(note !== undefined ? { note } : {}),
        });
      } else if (effect.type === 'notifyResident' && effect.notice.kind === 'turn_missed') {
        ops.push({ op: 'turn_missed', residentId: effect.residentId, at: now });
      }
    }
  }
  ops.push({ op: 'close_queue_places_except', keep: stateAfter.queue.map((entry) => entry.residentId), at: now });
  return ops;
}

function endNote(effects: readonly SpeakerEffect[], sessionId: string): string | null {
  for (const effect of effects) {
    if (effect.type === 'notifyResident' && effect.notice.kind === 'session_ended' && effect.notice.sessionId === sessionId) return effect.notice.note;
  }
  return null;
}
