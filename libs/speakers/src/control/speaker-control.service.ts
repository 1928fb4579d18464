import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, DomainError, Principal } from '@app/core';
import { Notifier } from '@app/notifications';
import { validateBan } from '../domain';
import { AnnouncementPlanner } from '../announcements/announcement-planner';
import { staffReaches } from '../engine/speaker-access';
import { accountsOfResidents } from '../engine/resident-accounts';
import { speakerNotFound } from '../engine/speaker-errors';
import { banNoticeTitle } from '../policy/notice-text';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerStore } from '../engine/speaker-store';
import { CreateBanDto } from '../dto/speaker-dtos';
import { SpeakerBanRecord } from './speaker-ban.entity';

export interface BanView {
  id: string;
  siteId: string;
  residentId: string;
  reason: string;
  until: string | null;
  liftedAt: string | null;
  active: boolean;
  createdAt: string;
}

/** Staff control: stop a speaker, ban a resident from the speakers (their session and places end, they are told). */
@Injectable()
export class SpeakerControlService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SpeakerEngine,
    private readonly store: SpeakerStore,
    private readonly planner: AnnouncementPlanner,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
  ) {}

  /** Ends the session, cuts the announcement playing, and tells the speaker to stop. */
  async stop(p: Principal, speakerId: string, reason: string): Promise<void> {
    const speaker = await this.store.find(speakerId);
    if (!speaker || !staffReaches(p, speaker.siteId)) throw speakerNotFound(speakerId);
    await this.engine.apply(
      speakerId,
      async (step) => {
        const session = step.state.session;
        if (session) step.reduce({ type: 'endSession', by: { kind: 'staff', staffId: p.staffId ?? p.accountId }, sessionId: session.sessionId, note: reason });
        const playing = step.state.announcement;
        if (playing) await this.planner.finish(step, playing.announcementId, 'failed', 'stopped_by_staff');
        step.effect({ type: 'stopPlayback' });
        return { ok: true, outcome: 'done' };
      },
      { audit: { actor: p, action: 'speaker.stop', details: { reason, endedSessionId: speaker.state.session?.sessionId ?? null } } },
    );
  }

  async ban(p: Principal, dto: CreateBanDto): Promise<BanView> {
    const [resident] = (await this.db.query(`SELECT id, "siteId" FROM residents WHERE id = $1`, [dto.residentId])) as { id: string; siteId: string }[];
    if (!resident || !staffReaches(p, resident.siteId)) throw DomainError.notFound('resident', dto.residentId);
    if (dto.minutes !== undefined && dto.until !== undefined) throw DomainError.badRequest('give minutes or until, not both', [{ field: 'until', reason: 'cannot be combined with minutes' }]);
    const now = Date.now();
    const until = dto.minutes !== undefined ? now + dto.minutes * 60_000 : dto.until !== undefined ? Date.parse(dto.until) : null;
    const problems = validateBan({ residentId: dto.residentId, reason: dto.reason, until, liftedAt: null }, now);
    if (problems.length) throw DomainError.badRequest(`Invalid ban: ${problems.join('; ')}`, problems.map((reason) => ({ field: reason.includes('until') ? 'until' : reason.includes('reason') ? 'reason' : 'residentId', reason })));
    const ban = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(SpeakerBanRecord).save({
        siteId: resident.siteId,
        residentId: dto.residentId,
        reason: dto.reason,
        until: until === null ? null : new Date(until),
        liftedAt: null,
        createdByAccountId: p.accountId,
      });
      await this.audit.record(p, { action: 'speaker.ban', entityType: 'resident', entityId: dto.residentId, siteId: resident.siteId, after: { banId: saved.id, reason: dto.reason, until: saved.until?.toISOString() ?? null } }, m);
      const account = (await accountsOfResidents(m, [dto.residentId])).get(dto.residentId);
      const notices = account ? await this.notifier.store(m, [{ accountIds: [account], kind: 'speaker.banned', title: banNoticeTitle(dto.reason, until), ref: { type: 'speaker_ban', id: saved.id } }]) : [];
      return { saved, notices };
    });
    this.notifier.push(ban.notices);
    await this.removeFromSpeakers(p, dto.residentId, `banned from the speakers: ${dto.reason}`);
    return toView(ban.saved, Date.now());
  }

  async lift(p: Principal, banId: string): Promise<BanView> {
    const ban = await this.db.transaction(async (m) => {
      const row = await m.getRepository(SpeakerBanRecord).findOne({ where: { id: banId }, lock: { mode: 'pessimistic_write' } });
      if (!row || !staffReaches(p, row.siteId)) throw DomainError.notFound('speaker ban', banId);
      if (row.liftedAt) return row;
      row.liftedAt = new Date();
      row.liftedByAccountId = p.accountId;
      await m.getRepository(SpeakerBanRecord).save(row);
      await this.audit.record(p, { action: 'speaker.ban.lift', entityType: 'resident', entityId: row.residentId, siteId: row.siteId, after: { banId } }, m);
      return row;
    });
    return toView(ban, Date.now());
  }

  async list(p: Principal, q: { siteId?: string; residentId?: string }): Promise<BanView[]> {
    const qb = this.db.getRepository(SpeakerBanRecord).createQueryBuilder('b').orderBy('b.createdAt', 'DESC').take(500);
    if (p.role !== 'admin') qb.andWhere('b.siteId = ANY(:sites)', { sites: p.siteIds });
    if (q.siteId) qb.andWhere('b.siteId = :site', { site: q.siteId });
    if (q.residentId) qb.andWhere('b.residentId = :rid', { rid: q.residentId });
    const now = Date.now();
    return (await qb.getMany()).map((b) => toView(b, now));
  }

  /** Ends the resident's session and takes them out of every queue. */
  private async removeFromSpeakers(p: Principal, residentId: string, note: string): Promise<void> {
    const states = await this.db.transaction((m) => this.store.statesHeldBy(m, residentId));
    for (const state of states) {
      await this.engine.apply(state.speakerId, async (step) => {
        const session = step.state.session;
        if (session?.residentId === residentId) step.reduce({ type: 'endSession', by: { kind: 'staff', staffId: p.staffId ?? p.accountId }, sessionId: session.sessionId, note });
        if (step.state.queue.some((entry) => entry.residentId === residentId)) step.reduce({ type: 'leaveQueue', residentId });
      });
    }
  }
}

function toView(b: SpeakerBanRecord, now: number): BanView {
  const until = b.until ? new Date(b.until) : null;
  return {
    id: b.id,
    siteId: b.siteId,
    residentId: b.residentId,
    reason: b.reason,
    until: until?.toISOString() ?? null,
    liftedAt: b.liftedAt ? new Date(b.liftedAt).toISOString() : null,
    active: !b.liftedAt && (until === null || until.getTime() > now),
    createdAt: new Date(b.createdAt).toISOString(),
  };
}
