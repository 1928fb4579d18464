import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, DomainError, isStaff, Page, Principal, toPage } from '@app/core';
import { isBanned, residentHoldings, sessionDay, SpeakerBan, SpeakerResult, VolumeDecision } from '../domain';
import { Applied } from '../engine/engine-effects';
import { requireResident, seesSite, staffReaches } from '../engine/speaker-access';
import { refusalError, sessionNotFound, speakerNotFound } from '../engine/speaker-errors';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerStore } from '../engine/speaker-store';
import { LockedSpeaker } from '../engine/locked-speaker';
import { OPEN_RECORD_STATUSES, SpeakerSessionRecord } from './speaker-session-record.entity';

export type SessionRequestAnswer =
  | { status: 'pairing'; sessionId: string; speakerId: string; code: string; codeExpiresAt: string }
  | { status: 'queued'; sessionId: string; speakerId: string; position: number; estimatedWaitSeconds: number | null }
  | { status: 'connected' | 'reconnecting'; sessionId: string; speakerId: string };

export interface SessionView {
  id: string;
  speakerId: string;
  siteId: string;
  zoneId: string;
  /** Staff, and the resident's own sessions. */
  residentId: string;
  status: SpeakerSessionRecord['status'];
  queuedAt: string | null;
  pairingAt: string | null;
  connectedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  endNote: string | null;
  usedSeconds: number | null;
  countsTowardDailyCap: boolean;
  timeline: SpeakerSessionRecord['timeline'];
  createdAt: string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Residents' turns: ask for a session (or a queue place), claim a turn, leave, end, set the volume. */
@Injectable()
export class SpeakerSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SpeakerEngine,
    private readonly store: SpeakerStore,
  ) {}

  async request(p: Principal, speakerId: string): Promise<SessionRequestAnswer> {
    const residentId = requireResident(p);
    const speaker = await this.store.find(speakerId);
    if (!speaker || !speaker.active || !seesSite(p, speaker.siteId)) throw speakerNotFound(speakerId);
    const applied = await this.asResident(residentId, (m) =>
      this.engine.applyIn(m, speakerId, async (step) => {
        step.reduce({ type: 'requestSession', resident: await this.snapshot(m, step.speaker, residentId, step.now) });
      }),
    );
    return this.answer(applied.result, speakerId, residentId);
  }

  async claim(p: Principal, placeId: string): Promise<SessionRequestAnswer> {
    const residentId = requireResident(p);
    const place = await this.findOwn(p, placeId);
    if (place.status !== 'queued') throw new DomainError('SPEAKER_NOT_QUEUED', 'conflict', `this is a ${place.status} session, not a queue place`);
    // The claimed place's id becomes the session id.
    const applied = await this.asResident(residentId, (m) =>
      this.engine.applyIn(m, place.speakerId, async (step) => {
        step.reduce({ type: 'claimTurn', residentId });
      }, { newId: () => placeId }),
    );
    return this.answer(applied.result, place.speakerId, residentId);
  }

  /** A resident ends (or leaves the queue with) their own; staff end anyone's, with a reason. */
  async end(p: Principal, id: string, reason: string | undefined): Promise<SessionView> {
    const record = await this.findVisible(p, id);
    const staff = isStaff(p);
    if (staff && !reason?.trim()) throw DomainError.badRequest('staff must give a reason', [{ field: 'reason', reason: 'is required for staff' }]);
    if (!OPEN_RECORD_STATUSES.includes(record.status)) return this.view(record);
    const by = staff ? { kind: 'staff' as const, staffId: p.staffId ?? p.accountId } : { kind: 'resident' as const, residentId: record.residentId };
    const applied = await this.engine.apply(
      record.speakerId,
      async (step) => {
        if (record.status === 'queued') step.reduce({ type: 'leaveQueue', residentId: record.residentId });
        else step.reduce({ type: 'endSession', by, sessionId: record.id, ...(staff ? { note: reason } : {}) });
      },
      staff ? { audit: { actor: p, action: record.status === 'queued' ? 'speaker.queue.remove' : 'speaker.session.end', details: { sessionId: id, residentId: record.residentId, reason } } } : {},
    );
    // A session that ended on its own meanwhile is fine: the caller wanted it over.
    if (!applied.result.ok && applied.result.code !== 'session_not_found' && applied.result.code !== 'not_in_queue') throw refusalError(applied.result);
    return this.get(p, id);
  }

  async setVolume(p: Principal, id: string, level: number): Promise<VolumeDecision> {
    const record = await this.findVisible(p, id);
    const by = isStaff(p) ? { kind: 'staff' as const, staffId: p.staffId ?? p.accountId } : { kind: 'resident' as const, residentId: record.residentId };
    const applied = await this.engine.apply(record.speakerId, async (step) => {
      step.reduce({ type: 'setVolume', by, sessionId: id, level });
    });
    if (!applied.result.ok) throw refusalError(applied.result);
    if (applied.result.outcome !== 'volume') throw new Error(`unexpected volume outcome ${applied.result.outcome}`);
    return applied.result.decision;
  }

  async get(p: Principal, id: string): Promise<SessionView> {
    return this.view(await this.findVisible(p, id));
  }

  async list(p: Principal, q: { speakerId?: string; residentId?: string; siteId?: string; limit?: number; cursor?: string }): Promise<Page<SessionView>> {
    const limit = q.limit ?? 50;
    const qb = this.db.getRepository(SpeakerSessionRecord).createQueryBuilder('r').orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').take(limit + 1);
    if (isStaff(p)) {
      if (p.role !== 'admin') qb.andWhere('r.siteId = ANY(:sites)', { sites: p.siteIds });
      if (q.residentId) qb.andWhere('r.residentId = :rid', { rid: q.residentId });
    } else {
      qb.andWhere('r.residentId = :rid', { rid: requireResident(p) });
    }
    if (q.siteId) qb.andWhere('r.siteId = :site', { site: q.siteId });
    if (q.speakerId) qb.andWhere('r.speakerId = :speaker', { speaker: q.speakerId });
    const cursor = decodeCursor(q.cursor);
    if (cursor) qb.andWhere('(r.createdAt, r.id) < (:v, :id)', { v: new Date(cursor.v), id: cursor.id });
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
    return { items: page.items.map((r) => this.view(r)), nextCursor: page.nextCursor };
  }

  view(r: SpeakerSessionRecord): SessionView {
    return {
      id: r.id,
      speakerId: r.speakerId,
      siteId: r.siteId,
      zoneId: r.zoneId,
      residentId: r.residentId,
      status: r.status,
      queuedAt: iso(r.queuedAt),
      pairingAt: iso(r.pairingAt),
      connectedAt: iso(r.connectedAt),
      endedAt: iso(r.endedAt),
      endReason: r.endReason,
      endNote: r.endNote,
      usedSeconds: r.usedMs === null ? null : Math.round(r.usedMs / 1000),
      countsTowardDailyCap: r.countsTowardDailyCap,
      timeline: r.timeline,
      createdAt: new Date(r.createdAt).toISOString(),
    };
  }

  // ---- helpers ----

  /** One place per resident across speakers: their commands serialize on a per-resident lock taken before the speaker's. */
  private async asResident(residentId: string, fn: (m: EntityManager) => Promise<Applied>): Promise<Applied> {
    const applied = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`speaker-resident:${residentId}`]);
      return fn(m);
    });
    await this.engine.afterCommit(applied);
    return applied;
  }

  private async snapshot(m: EntityManager, speaker: LockedSpeaker, residentId: string, now: number) {
    const holdings = residentHoldings(await this.store.statesHeldBy(m, residentId), residentId);
    const day = sessionDay(speaker.zone, now);
    const [{ n }] = (await m.query(
      `SELECT count(*)::int AS n FROM speaker_sessions WHERE "residentId" = $1 AND "countsTowardDailyCap" AND "connectedAt" >= $2 AND "connectedAt" < $3`,
      [residentId, new Date(day.start), new Date(day.end)],
    )) as { n: number }[];
    const bans = (await m.query(`SELECT "residentId", until, "liftedAt", reason FROM speaker_bans WHERE "residentId" = $1`, [residentId])) as {
      residentId: string;
      until: Date | null;
      liftedAt: Date | null;
      reason: string;
    }[];
    const domainBans: SpeakerBan[] = bans.map((b) => ({ residentId: b.residentId, reason: b.reason, until: b.until?.getTime() ?? null, liftedAt: b.liftedAt?.getTime() ?? null }));
    return { residentId, holdings, sessionsToday: n, banned: isBanned(domainBans, residentId, now) };
  }

  private async answer(result: SpeakerResult, speakerId: string, residentId: string): Promise<SessionRequestAnswer> {
    if (!result.ok) throw refusalError(result);
    switch (result.outcome) {
      case 'pairing':
        return { status: 'pairing', sessionId: result.sessionId, speakerId, code: result.code, codeExpiresAt: new Date(result.until).toISOString() };
      case 'queued': {
        const [place] = (await this.db.query(`SELECT id FROM speaker_sessions WHERE "speakerId" = $1 AND "residentId" = $2 AND status = 'queued'`, [speakerId, residentId])) as { id: string }[];
        const wait = result.estimatedWaitMs;
        return { status: 'queued', sessionId: place?.id ?? '', speakerId, position: result.position, estimatedWaitSeconds: wait === null ? null : Math.ceil(wait / 1000) };
      }
      case 'in_session':
        if (result.phase === 'pairing') throw new Error('pairing sessions answer with their code');
        return { status: result.phase, sessionId: result.sessionId, speakerId };
      default:
        throw new Error(`unexpected outcome ${result.outcome}`);
    }
  }

  private async findOwn(p: Principal, id: string): Promise<SpeakerSessionRecord> {
    const record = await this.db.getRepository(SpeakerSessionRecord).findOneBy({ id });
    if (!record || record.residentId !== p.residentId) throw sessionNotFound();
    return record;
  }

  /** Residents see their own; staff those of their sites. Anything else is "not found". */
  private async findVisible(p: Principal, id: string): Promise<SpeakerSessionRecord> {
    const record = await this.db.getRepository(SpeakerSessionRecord).findOneBy({ id });
    if (!record) throw sessionNotFound();
    if (isStaff(p) ? !staffReaches(p, record.siteId) : record.residentId !== p.residentId) throw sessionNotFound();
    return record;
  }
}

