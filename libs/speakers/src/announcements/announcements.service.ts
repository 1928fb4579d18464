import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Counter } from 'prom-client';
import type { DeviceEventData } from '@app/contracts';
import { AuditService, canReachSite, decodeCursor, DomainError, MetricsService, Page, Principal, toPage } from '@app/core';
import type { CommandResult } from '@app/devices';
import { AnnouncementTarget, DeliveryStatus, expandTarget } from '../domain';
import { staffReaches } from '../engine/speaker-access';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerTimers } from '../engine/speaker-timers.service';
import { defaultAnnouncementExpiry, estimateAnnouncementMs } from '../policy/announcement-status';
import { CreateAnnouncementDto } from '../dto/speaker-dtos';
import { AnnouncementDelivery } from './announcement-delivery.entity';
import { AnnouncementPlanner } from './announcement-planner';
import { AnnouncementStatusService } from './announcement-status.service';
import { Announcement } from './announcement.entity';

export interface AnnouncementView {
  id: string;
  siteId: string;
  text: string | null;
  audioUrl: string | null;
  target: { kind: Announcement['targetKind']; id: string };
  priority: Announcement['priority'];
  schedule: string | null;
  expiresAt: string | null;
  durationSeconds: number;
  status: string;
  deliveries: { speakerId: string; status: DeliveryStatus; error: string | null; sentAt: string | null; ackedAt: string | null; finishedAt: string | null }[];
  summary: Record<DeliveryStatus, number> & { total: number };
  version: number;
  createdAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A schedule a little in the past (clock skew, a slow form) means "now".
const SCHEDULE_PAST_TOLERANCE_MS = 60_000;
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * Announcements: created by staff for a speaker, a zone or a site; one delivery per speaker. Each
 * speaker starts it in its own locked command (AnnouncementPlanner); acks, the played-out timer and
 * failures move the delivery on, and the overall status follows.
 */
@Injectable()
export class AnnouncementsService {
  private readonly logger = new Logger(AnnouncementsService.name);
  private readonly endings: Counter<'source' | 'result'>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SpeakerEngine,
    private readonly planner: AnnouncementPlanner,
    private readonly status: AnnouncementStatusService,
    private readonly timers: SpeakerTimers,
    private readonly audit: AuditService,
    metrics: MetricsService,
  ) {
    this.endings = metrics.counter(
      'sc_speaker_announcement_endings_total',
      'Announcement deliveries ended, by source (device_report: the speaker said so; duration_fallback: inferred for a speaker that never reports) and result',
      ['source', 'result'],
    );
  }

  async create(p: Principal, dto: CreateAnnouncementDto): Promise<AnnouncementView> {
    if (!dto.text && !dto.audioUrl) throw DomainError.badRequest('an announcement needs text or audioUrl', [{ field: 'text', reason: 'text or audioUrl is required' }]);
    const siteId = await this.targetSite(p, dto.target);
    const now = Date.now();
    let scheduledAt = dto.schedule ? Date.parse(dto.schedule) : null;
    if (scheduledAt !== null && scheduledAt < now - SCHEDULE_PAST_TOLERANCE_MS) throw DomainError.badRequest('schedule is in the past', [{ field: 'schedule', reason: 'must not be in the past' }]);
    if (scheduledAt !== null && scheduledAt <= now) scheduledAt = null;
    const expiresAt = dto.expiresAt ? Date.parse(dto.expiresAt) : defaultAnnouncementExpiry(dto.priority, scheduledAt ?? now);
    if (expiresAt <= (scheduledAt ?? now)) throw DomainError.badRequest('expiresAt must be after the schedule (or now)', [{ field: 'expiresAt', reason: 'must be after the time it plays' }]);
    const directory = (await this.db.query(`SELECT "deviceId" AS "speakerId", "zoneId", "siteId" FROM speakers WHERE "siteId" = $1`, [siteId])) as { speakerId: string; zoneId: string; siteId: string }[];
    const target: AnnouncementTarget =
      dto.target.kind === 'speaker' ? { kind: 'speaker', speakerId: dto.target.id } : dto.target.kind === 'zone' ? { kind: 'zone', zoneId: dto.target.id } : { kind: 'site', siteId: dto.target.id };
    const speakerIds = expandTarget(target, directory);
    if (!speakerIds.length) throw new DomainError('SPEAKER_ANNOUNCEMENT_NO_SPEAKERS', 'unprocessable', 'no speaker is placed in that target');
    const announcement = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(Announcement).save({
        siteId,
        text: dto.text ?? null,
        audioUrl: dto.audioUrl ?? null,
        targetKind: dto.target.kind,
        targetId: dto.target.id,
        priority: dto.priority,
        scheduledAt: scheduledAt === null ? null : new Date(scheduledAt),
        expiresAt: new Date(expiresAt),
        durationMs: estimateAnnouncementMs(dto.text ?? null, dto.durationSeconds),
        status: scheduledAt === null ? 'sending' : 'scheduled',
        createdByAccountId: p.accountId,
      });
      await m.getRepository(AnnouncementDelivery).insert(speakerIds.map((speakerId) => ({ announcementId: saved.id, speakerId, status: 'queued' as const })));
      await this.audit.record(
        p,
        { action: 'speaker.announcement.create', entityType: 'speaker_announcement', entityId: saved.id, siteId, after: { target: dto.target, priority: dto.priority, schedule: dto.schedule ?? null, speakers: speakerIds.length, text: dto.text ?? null, audioUrl: dto.audioUrl ?? null } },
        m,
      );
      return saved;
    });
    if (scheduledAt !== null) await this.timers.announcementStart(announcement.id, scheduledAt);
    else await this.start(announcement.id);
    await this.status.refresh(announcement.id);
    return this.get(p, announcement.id);
  }

  /** Offers the announcement to each of its speakers still waiting for it (each decides in its own lock). */
  async start(announcementId: string): Promise<void> {
    const rows = (await this.db.query(`SELECT "speakerId" FROM speaker_announcement_deliveries WHERE "announcementId" = $1 AND status = 'queued' ORDER BY "speakerId"`, [announcementId])) as {
      speakerId: string;
    }[];
    for (const { speakerId } of rows) {
      try {
        await this.engine.apply(speakerId, async (step) => {
          step.reduce({ type: 'tick' });
        });
      } catch (err) {
        this.logger.warn({ announcementId, speakerId }, `could not start the announcement: ${(err as Error).message}`);
      }
    }
  }

  /**
   * Fallback for speakers that never report `announcement.played`: its expected duration (plus a
   * grace) has passed, so it is taken as played and the session resumes. A no-op when the speaker
   * reported first.
   */
  async finish(announcementId: string, speakerId: string): Promise<void> {
    let changed = false;
    await this.engine.apply(speakerId, async (step) => {
      changed = await this.planner.finish(step, announcementId, 'played');
    });
    if (changed) this.endings.inc({ source: 'duration_fallback', result: 'played' });
  }

  /** The speaker's own `announcement.played` report: the delivery ends as it says. */
  async onPlayedReport(speakerId: string, report: DeviceEventData<'announcement.played'>): Promise<{ announcement: string }> {
    if (!UUID.test(report.announcementId)) {
      this.endings.inc({ source: 'device_report', result: 'ignored' });
      return { announcement: 'unknown' };
    }
    const outcome = report.status === 'played' ? 'played' : 'failed';
    let changed = false;
    await this.engine.apply(speakerId, async (step) => {
      changed = await this.planner.finish(step, report.announcementId, outcome, outcome === 'failed' ? report.status : null);
    });
    this.endings.inc({ source: 'device_report', result: changed ? outcome : 'ignored' });
    if (changed) await this.timers.cancelAnnouncementEnd(report.announcementId, speakerId);
    return { announcement: changed ? outcome : 'unchanged' };
  }

  /** Acks and failures of `speaker.announce` commands. */
  async onCommandResult(result: CommandResult): Promise<void> {
    if (result.type !== 'speaker.announce') return;
    const [command] = (await this.db.query(`SELECT data->>'announcementId' AS "announcementId" FROM device_commands WHERE id = $1`, [result.commandId])) as { announcementId: string | null }[];
    const announcementId = command?.announcementId;
    if (!announcementId) return;
    if (result.status === 'acked') {
      await this.engine.apply(result.deviceId, async (step) => {
        await this.planner.settle(step, announcementId, 'acked');
      });
    } else if (['failed', 'expired', 'timeout'].includes(result.status)) {
      const error = result.error?.code ?? result.status;
      await this.engine.apply(result.deviceId, async (step) => {
        await this.planner.finish(step, announcementId, 'failed', error);
      });
    }
  }

  async cancel(p: Principal, id: string): Promise<AnnouncementView> {
    await this.db.transaction(async (m) => {
      const [a] = (await m.query(`SELECT id, "siteId", status FROM speaker_announcements WHERE id = $1 FOR UPDATE`, [id])) as Pick<Announcement, 'id' | 'siteId' | 'status'>[];
      if (!a || !staffReaches(p, a.siteId)) throw DomainError.notFound('announcement', id);
      await m.query(`UPDATE speaker_announcements SET status = 'cancelled', version = version + 1, "updatedAt" = now() WHERE id = $1`, [id]);
      await m.query(`UPDATE speaker_announcement_deliveries SET status = 'failed', error = 'cancelled', "finishedAt" = now(), "updatedAt" = now() WHERE "announcementId" = $1 AND status = 'queued'`, [id]);
      await this.audit.record(p, { action: 'speaker.announcement.cancel', entityType: 'speaker_announcement', entityId: id, siteId: a.siteId, before: { status: a.status } }, m);
    });
    await this.status.refresh(id);
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<AnnouncementView> {
    const a = UUID.test(id) ? await this.db.getRepository(Announcement).findOneBy({ id }) : null;
    if (!a || !staffReaches(p, a.siteId)) throw DomainError.notFound('announcement', id);
    const deliveries = await this.db.getRepository(AnnouncementDelivery).find({ where: { announcementId: id }, order: { speakerId: 'ASC' } });
    return toView(a, deliveries);
  }

  async list(p: Principal, q: { siteId?: string; limit?: number; cursor?: string }): Promise<Page<AnnouncementView>> {
    const limit = q.limit ?? 50;
    const qb = this.db.getRepository(Announcement).createQueryBuilder('a').orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(limit + 1);
    if (p.role !== 'admin') qb.andWhere('a.siteId = ANY(:sites)', { sites: p.siteIds });
    if (q.siteId) qb.andWhere('a.siteId = :site', { site: q.siteId });
    const cursor = decodeCursor(q.cursor);
    if (cursor) qb.andWhere('(a.createdAt, a.id) < (:v, :id)', { v: new Date(cursor.v), id: cursor.id });
    const page = toPage(await qb.getMany(), limit, (a) => ({ v: a.createdAt.toISOString(), id: a.id }));
    const deliveries = page.items.length ? await this.db.getRepository(AnnouncementDelivery).createQueryBuilder('d').where('d.announcementId IN (:...ids)', { ids: page.items.map((a) => a.id) }).getMany() : [];
    return { items: page.items.map((a) => toView(a, deliveries.filter((d) => d.announcementId === a.id))), nextCursor: page.nextCursor };
  }

  private async targetSite(p: Principal, target: CreateAnnouncementDto['target']): Promise<string> {
    const notFound = () => DomainError.notFound(`${target.kind}`, target.id);
    if (target.kind === 'speaker') {
      const [s] = (await this.db.query(`SELECT "siteId" FROM speakers WHERE "deviceId" = $1`, [target.id])) as { siteId: string }[];
      if (!s || !staffReaches(p, s.siteId)) throw notFound();
      return s.siteId;
    }
    if (!UUID.test(target.id)) throw DomainError.badRequest(`target.id must be a ${target.kind} id (uuid)`, [{ field: 'target.id', reason: 'must be a UUID' }]);
    if (target.kind === 'zone') {
      const [z] = (await this.db.query(`SELECT "siteId" FROM speaker_zones WHERE id = $1`, [target.id])) as { siteId: string }[];
      if (!z || !staffReaches(p, z.siteId)) throw notFound();
      return z.siteId;
    }
    if (!canReachSite(p, target.id)) throw notFound();
    return target.id;
  }
}

function toView(a: Announcement, deliveries: AnnouncementDelivery[]): AnnouncementView {
  const summary = { queued: 0, sent: 0, acked: 0, played: 0, failed: 0, total: deliveries.length };
  for (const d of deliveries) summary[d.status]++;
  return {
    id: a.id,
    siteId: a.siteId,
    text: a.text,
    audioUrl: a.audioUrl,
    target: { kind: a.targetKind, id: a.targetId },
    priority: a.priority,
    schedule: iso(a.scheduledAt),
    expiresAt: iso(a.expiresAt),
    durationSeconds: a.durationMs / 1000,
    status: a.status,
    deliveries: deliveries.map((d) => ({ speakerId: d.speakerId, status: d.status, error: d.error, sentAt: iso(d.sentAt), ackedAt: iso(d.ackedAt), finishedAt: iso(d.finishedAt) })),
    summary,
    version: a.version,
    createdAt: new Date(a.createdAt).toISOString(),
  };
}
