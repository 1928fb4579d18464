import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canReachSite, decodeCursor, DEFAULT_PAGE_LIMIT, Page, Principal, toPage } from '@app/core';
import type { AccessOutcome } from '../domain';
import { AccessEventFilterDto, AccessEventView } from './dto/access-event-query.dto';

interface EventRow {
  deviceId: string;
  eventId: string;
  siteId: string;
  type: string;
  deviceTs: Date;
  receivedAt: Date;
  outcome: Partial<AccessOutcome> | null;
}

/** A WHERE clause with its parameters; `nothing` when the caller may see no event at all. */
type Scope = { sql: string[]; params: unknown[] } | 'nothing';

/**
 * The access log: every decision stored with its device event (device_events where type LIKE
 * 'access.%', outcome from the access handlers). Staff read their sites; a resident reads the entries
 * of their households since they joined them, their own, and their visitors'.
 */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(principal: Principal, q: AccessEventFilterDto & { limit?: number; cursor?: string }): Promise<Page<AccessEventView>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const scope = await this.scope(principal, q);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    const rows = await this.page(scope, after ? { at: new Date(String(after.v)), eventId: after.id } : null, limit + 1);
    const page = toPage(rows, limit, (r) => ({ v: r.receivedAt.toISOString(), id: r.eventId }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** All matching entries, newest first, in keyset batches (the CSV export streams them). */
  async *all(principal: Principal, q: AccessEventFilterDto, batch = 500, max = 100_000): AsyncGenerator<AccessEventView> {
    const scope = await this.scope(principal, q);
    if (scope === 'nothing') return;
    let after: { at: Date; eventId: string } | null = null;
    let n = 0;
    for (;;) {
      const rows = await this.page(scope, after, batch);
      for (const r of rows) {
        yield toView(r);
        if (++n >= max) return;
      }
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      after = { at: last.receivedAt, eventId: last.eventId };
    }
  }

  private async page(scope: Exclude<Scope, 'nothing'>, after: { at: Date; eventId: string } | null, limit: number): Promise<EventRow[]> {
    const where = [...scope.sql];
    const params = [...scope.params];
    if (after) {
      params.push(after.at, after.eventId);
      where.push(`(e."receivedAt", e."eventId") < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit);
    return this.db.query(
      `SELECT e."deviceId", e."eventId", e."siteId", e.type, e."deviceTs", e."receivedAt", e.outcome
         FROM device_events e WHERE ${where.join(' AND ')}
        ORDER BY e."receivedAt" DESC, e."eventId" DESC LIMIT $${params.length}`,
      params,
    );
  }

  private async scope(principal: Principal, q: AccessEventFilterDto): Promise<Scope> {
    const sql = [`e.type LIKE 'access.%'`];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (principal.role === 'resident') {
      const rid = principal.residentId!;
      const units: { unitId: string; since: Date }[] = await this.db.query(`SELECT "unitId", since FROM unit_memberships WHERE "residentId" = $1 AND active`, [rid]);
      const mine = [`e.outcome->>'personId' = ${p(rid)}`, `e.outcome->>'hostResidentId' = ${p(rid)}`];
      for (const u of units) mine.push(`(e.outcome->'unitIds' ? ${p(u.unitId)} AND e."receivedAt" >= ${p(u.since)})`);
      sql.push(`(${mine.join(' OR ')})`);
      if (q.siteId) sql.push(`e."siteId" = ${p(q.siteId)}`);
    } else if (principal.role === 'admin') {
      if (q.siteId) sql.push(`e."siteId" = ${p(q.siteId)}`);
    } else {
      const sites = q.siteId ? (canReachSite(principal, q.siteId) ? [q.siteId] : []) : principal.siteIds;
      if (sites.length === 0) return 'nothing';
      sql.push(`e."siteId" = ANY(${p(sites)}::uuid[])`);
    }
    if (q.gateId) sql.push(`e."deviceId" = ${p(q.gateId)}`);
    if (q.personId) sql.push(`e.outcome->>'personId' = ${p(q.personId)}`);
    if (q.result) sql.push(`e.outcome->>'result' = ${p(q.result)}`);
    if (q.method) sql.push(`e.outcome->>'method' = ${p(q.method)}`);
    if (q.from) sql.push(`e."receivedAt" >= ${p(q.from)}`);
    if (q.to) sql.push(`e."receivedAt" < ${p(q.to)}`);
    return { sql, params };
  }
}

function toView(r: EventRow): AccessEventView {
  const o = r.outcome ?? {};
  return {
    id: r.eventId,
    deviceId: r.deviceId,
    siteId: r.siteId,
    type: r.type,
    at: new Date(r.receivedAt).toISOString(),
    deviceTs: new Date(r.deviceTs).toISOString(),
    method: o.method ?? null,
    credential: o.credential ?? null,
    result: o.result ?? null,
    reason: o.reason ?? null,
    personId: o.personId ?? null,
    personKind: o.personKind ?? (o.passId ? 'visitor' : null),
    personName: o.personName ?? null,
    visitorName: o.visitorName ?? null,
    passId: o.passId ?? null,
    unitIds: o.unitIds ?? [],
    score: o.score ?? null,
    latencyUs: o.latencyUs ?? null,
    commandId: o.command?.id ?? null,
  };
}
