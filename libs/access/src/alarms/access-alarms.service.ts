import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { staffRoom, type AccessAlarmPayload } from '@app/contracts/realtime';
import { RealtimePublisher } from '@app/realtime';
import { AlarmAction, nextAlarmStatus } from '../domain';
import { AccessAlarm, AccessAlarmKind } from './access-alarm.entity';
import { AlarmQueryDto, AlarmView } from './dto/alarm.dto';

/**
 * Gate alarms: raised from gate events, door watching and presence; worked by staff through
 * acknowledge → resolve; pushed live to the site's staff room and listed in snapshots.
 */
@Injectable()
export class AccessAlarmsService {
  private readonly logger = new Logger(AccessAlarmsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** Raises an alarm unless one of this kind is already unresolved for the gate; returns its id. */
  async raise(a: { siteId: string; deviceId: string; kind: AccessAlarmKind; detail?: string | null; sourceEventId?: string | null; at?: Date }): Promise<{ id: string; raised: boolean }> {
    const rows = (await this.db.query(
      `INSERT INTO access_alarms ("siteId", "deviceId", kind, status, detail, "sourceEventId", "raisedAt") VALUES ($1, $2, $3, 'open', $4, $5, $6)
       ON CONFLICT ("deviceId", kind) WHERE status <> 'resolved' DO NOTHING RETURNING *`,
      [a.siteId, a.deviceId, a.kind, a.detail ?? null, a.sourceEventId ?? null, a.at ?? new Date()],
    )) as AccessAlarm[];
    if (rows.length) {
      this.push(rows[0]);
      this.logger.warn({ alarmId: rows[0].id, deviceId: a.deviceId, kind: a.kind }, 'gate alarm raised');
      return { id: rows[0].id, raised: true };
    }
    const [existing] = (await this.db.query(`SELECT id FROM access_alarms WHERE "deviceId" = $1 AND kind = $2 AND status <> 'resolved'`, [a.deviceId, a.kind])) as { id: string }[];
    return { id: existing?.id ?? '', raised: false };
  }

  /** Resolves what the system itself can see is over (a gate back online). */
  async resolveBySystem(deviceId: string, kind: AccessAlarmKind, note: string): Promise<void> {
    const [rows] = (await this.db.query(
      `UPDATE access_alarms SET status = 'resolved', "resolvedAt" = now(), note = COALESCE(note, $3), version = version + 1
        WHERE "deviceId" = $1 AND kind = $2 AND status <> 'resolved' RETURNING *`,
      [deviceId, kind, note],
    )) as [AccessAlarm[], number];
    rows.forEach((r) => this.push(r));
  }

  async act(principal: Principal, id: string, action: AlarmAction, note?: string): Promise<AlarmView> {
    const updated = await this.db.transaction(async (m) => {
      const alarm = await m.getRepository(AccessAlarm).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!alarm || !canReachSite(principal, alarm.siteId)) throw DomainError.notFound('alarm', id);
      const t = nextAlarmStatus(alarm.status, action);
      if (!t.ok) throw new DomainError(t.code, 'conflict', t.code === 'ALARM_RESOLVED' ? 'The alarm is already resolved' : 'The alarm is already acknowledged');
      const now = new Date();
      const patch: Partial<AccessAlarm> = { status: t.status, version: alarm.version + 1, ...(note ? { note } : {}) };
      if (action === 'acknowledge') Object.assign(patch, { acknowledgedAt: now, acknowledgedByAccountId: principal.accountId });
      else Object.assign(patch, { resolvedAt: now, resolvedByAccountId: principal.accountId, ...(alarm.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedByAccountId: principal.accountId }) });
      await m.getRepository(AccessAlarm).update({ id }, patch);
      await this.audit.record(principal, { action: `alarm.${action}`, entityType: 'access_alarm', entityId: id, siteId: alarm.siteId, before: { status: alarm.status }, after: { status: t.status, note: note ?? null } }, m);
      return { ...alarm, ...patch } as AccessAlarm;
    });
    this.push(updated);
    return toView(updated);
  }

  async list(principal: Principal, q: AlarmQueryDto): Promise<Page<AlarmView>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const qb = this.db.getRepository(AccessAlarm).createQueryBuilder('a').orderBy('a.raisedAt', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1);
    const sites = q.siteId ? (canReachSite(principal, q.siteId) ? [q.siteId] : []) : principal.role === 'admin' ? null : principal.siteIds;
    if (sites && sites.length === 0) return { items: [], nextCursor: null };
    if (sites) qb.andWhere('a.siteId IN (:...sites)', { sites });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (after) qb.andWhere('(a.raisedAt, a.id) < (:v, :id)', { v: new Date(String(after.v)), id: after.id });
    const page = toPage(await qb.getMany(), limit, (a) => ({ v: a.raisedAt.toISOString(), id: a.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** Unresolved alarms of the principal's sites, for the realtime snapshot. */
  async unresolved(principal: Principal, max = 100): Promise<AccessAlarmPayload[]> {
    if (principal.role === 'resident') return [];
    const qb = this.db.getRepository(AccessAlarm).createQueryBuilder('a').where(`a.status <> 'resolved'`).orderBy('a.raisedAt', 'DESC').take(max);
    if (principal.role !== 'admin' || principal.siteIds.length) {
      if (principal.siteIds.length === 0) return [];
      qb.andWhere('a.siteId IN (:...sites)', { sites: principal.siteIds });
    }
    return (await qb.getMany()).map(toPayload);
  }

  private push(a: AccessAlarm): void {
    this.publisher.toRoom(staffRoom(a.siteId), 'access.alarm', toPayload(a));
  }
}

function toPayload(a: AccessAlarm): AccessAlarmPayload {
  return {
    id: a.id,
    version: a.version,
    at: new Date(a.resolvedAt ?? a.acknowledgedAt ?? a.raisedAt).toISOString(),
    siteId: a.siteId,
    deviceId: a.deviceId,
    // The realtime contract lists the gate's own alarm kinds; 'offline' comes from presence.
    kind: a.kind as AccessAlarmPayload['kind'],
    status: a.status,
    ...(a.detail ? { detail: a.detail } : {}),
    raisedAt: new Date(a.raisedAt).toISOString(),
    acknowledgedAt: a.acknowledgedAt ? new Date(a.acknowledgedAt).toISOString() : null,
    acknowledgedBy: a.acknowledgedByAccountId,
  };
}

function toView(a: AccessAlarm): AlarmView {
  return {
    id: a.id,
    siteId: a.siteId,
    deviceId: a.deviceId,
    kind: a.kind,
    status: a.status,
    detail: a.detail,
    raisedAt: new Date(a.raisedAt).toISOString(),
    acknowledgedAt: a.acknowledgedAt ? new Date(a.acknowledgedAt).toISOString() : null,
    acknowledgedBy: a.acknowledgedByAccountId,
    resolvedAt: a.resolvedAt ? new Date(a.resolvedAt).toISOString() : null,
    resolvedBy: a.resolvedByAccountId,
    note: a.note,
    version: a.version,
  };
}
