import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SessionRecordOp } from '../policy/session-record-plan';
import type { SessionRecordStatus } from '../sessions/speaker-session-record.entity';
import { LockedSpeaker } from './locked-speaker';

const STATUS_OF_EVENT: Record<Extract<SessionRecordOp, { op: 'session' }>['event'], SessionRecordStatus> = {
  created: 'pairing',
  pairing: 'pairing',
  connected: 'connected',
  reconnecting: 'reconnecting',
  interrupted: 'interrupted',
  resumed: 'connected',
  ended: 'ended',
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes the session history (speaker_sessions) in the transaction of the speaker's command. */
@Injectable()
export class SessionRecords {
  async apply(m: EntityManager, speaker: Pick<LockedSpeaker, 'deviceId' | 'siteId' | 'zoneId'>, ops: readonly SessionRecordOp[]): Promise<void> {
    for (const op of ops) {
      switch (op.op) {
        case 'queue_place':
          // At most one open place per resident and speaker (partial unique index): a repeat is a no-op.
          await m.query(
            `INSERT INTO speaker_sessions (id, "speakerId", "siteId", "zoneId", "residentId", status, "queuedAt", timeline)
             VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7) ON CONFLICT DO NOTHING`,
            [randomUUID(), speaker.deviceId, speaker.siteId, speaker.zoneId, op.residentId, iso(op.at), JSON.stringify([{ event: 'queued', at: iso(op.at) }])],
          );
          break;
        case 'session':
          await this.sessionEvent(m, speaker, op);
          break;
        case 'turn_missed':
          await m.query(
            `UPDATE speaker_sessions SET status = 'missed', "endedAt" = $3, "endReason" = 'turn_missed',
               timeline = timeline || $4::jsonb, "updatedAt" = now()
             WHERE "speakerId" = $1 AND "residentId" = $2 AND status = 'queued'`,
            [speaker.deviceId, op.residentId, iso(op.at), JSON.stringify([{ event: 'missed', at: iso(op.at) }])],
          );
          break;
        case 'close_queue_places_except':
          await m.query(
            `UPDATE speaker_sessions SET status = 'left', "endedAt" = $3, "endReason" = 'left_queue',
               timeline = timeline || $4::jsonb, "updatedAt" = now()
             WHERE "speakerId" = $1 AND status = 'queued' AND NOT ("residentId" = ANY($2::uuid[]))`,
            [speaker.deviceId, op.keep, iso(op.at), JSON.stringify([{ event: 'left', at: iso(op.at) }])],
          );
          break;
      }
    }
  }

  private async sessionEvent(m: EntityManager, speaker: Pick<LockedSpeaker, 'deviceId' | 'siteId' | 'zoneId'>, op: Extract<SessionRecordOp, { op: 'session' }>): Promise<void> {
    const at = iso(op.at);
    const status = STATUS_OF_EVENT[op.event];
    const ended = op.event === 'ended';
    const entry = { event: op.event, at, ...(op.reason ? { reason: op.reason } : {}) };
    // A claimed queue place becomes the session (same id); an ended record is never reopened.
    await m.query(
      `INSERT INTO speaker_sessions (id, "speakerId", "siteId", "zoneId", "residentId", status, "pairingAt", "connectedAt", "endedAt",
         "endReason", "endNote", "usedMs", "countsTowardDailyCap", timeline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status,
         "pairingAt" = COALESCE(speaker_sessions."pairingAt", EXCLUDED."pairingAt"),
         "connectedAt" = COALESCE(speaker_sessions."connectedAt", EXCLUDED."connectedAt"),
         "endedAt" = COALESCE(EXCLUDED."endedAt", speaker_sessions."endedAt"),
         "endReason" = COALESCE(EXCLUDED."endReason", speaker_sessions."endReason"),
         "endNote" = COALESCE(EXCLUDED."endNote", speaker_sessions."endNote"),
         "usedMs" = COALESCE(EXCLUDED."usedMs", speaker_sessions."usedMs"),
         "countsTowardDailyCap" = speaker_sessions."countsTowardDailyCap" OR EXCLUDED."countsTowardDailyCap",
         timeline = speaker_sessions.timeline || EXCLUDED.timeline,
         "updatedAt" = now()
       WHERE speaker_sessions.status NOT IN ('ended', 'left', 'missed')`,
      [
        op.sessionId,
        speaker.deviceId,
        speaker.siteId,
        speaker.zoneId,
        op.residentId,
        status,
        status === 'pairing' ? at : null,
        op.event === 'connected' ? at : null,
        ended ? at : null,
        ended ? (op.reason ?? null) : null,
        ended ? (op.note ?? null) : null,
        ended ? (op.usedMs ?? 0) : null,
        ended ? (op.countsTowardDailyCap ?? false) : false,
        JSON.stringify([entry]),
      ],
    );
  }
}
