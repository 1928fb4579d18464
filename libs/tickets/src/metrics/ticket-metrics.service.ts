import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { canReachSite, DomainError, FieldProblem, Principal } from '@app/core';
import { OPEN_STATUSES } from '../domain';
import { MetricGroup, TicketMetricsQueryDto } from './dto/ticket-metrics.dto';

export interface TicketMetricsRow {
  key: string | null;
  label: string | null;
  created: number;
  backlog: number;
  resolved: number;
  meanFirstResponseMinutes: number | null;
  meanResolutionMinutes: number | null;
  slaCompliancePct: number | null;
  reopenRatePct: number | null;
  averageRating: number | null;
  ratings: number;
}

export interface TicketMetrics {
  from: string;
  to: string;
  groupBy: MetricGroup;
  rows: TicketMetricsRow[];
}

const DAY_MS = 86_400_000;
const round = (v: unknown, digits = 1): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10 ** digits) / 10 ** digits);

/**
 * Console metrics over the tickets created in [from, to): how many, how many still open (backlog),
 * mean time to first response and to resolution (wall clock), SLA compliance (finished or breached
 * tickets that met their targets), reopen rate and average rating; per building, category,
 * technician or period.
 */
@Injectable()
export class TicketMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async compute(p: Principal, q: TicketMetricsQueryDto): Promise<TicketMetrics> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) {
      const problem: FieldProblem = { field: 'from', reason: 'must be before to' };
      throw DomainError.badRequest('Validation failed: from must be before to', [problem]);
    }
    const groupBy = q.groupBy ?? 'none';
    const params: unknown[] = [from, to, [...OPEN_STATUSES]];
    const where = ['t."createdAt" >= $1', 't."createdAt" < $2'];
    let zone = 'UTC';
    if (q.siteId) {
      if (!canReachSite(p, q.siteId)) throw DomainError.notFound('Site', q.siteId);
      params.push(q.siteId);
      where.push(`t."siteId" = $${params.length}`);
      const [site]: { timezone: string }[] = await this.db.query(`SELECT timezone FROM sites WHERE id = $1`, [q.siteId]);
      zone = site?.timezone ?? 'UTC';
    } else if (p.role !== 'admin') {
      params.push(p.siteIds);
      where.push(`t."siteId" = ANY($${params.length}::uuid[])`);
    }
    const { key, label, join } = this.grouping(groupBy, q.period ?? 'week', zone, params);
    const sql = `
      SELECT ${key} AS key, ${label} AS label,
        count(*)::int AS created,
        count(*) FILTER (WHERE t.status = ANY($3::text[]))::int AS backlog,
        count(*) FILTER (WHERE t."resolutionMetAt" IS NOT NULL)::int AS resolved,
        avg(EXTRACT(EPOCH FROM (t."firstResponseAt" - t."createdAt")) / 60) FILTER (WHERE t."firstResponseAt" IS NOT NULL) AS "meanFirstResponseMinutes",
        avg(EXTRACT(EPOCH FROM (t."resolutionMetAt" - t."createdAt")) / 60) FILTER (WHERE t."resolutionMetAt" IS NOT NULL) AS "meanResolutionMinutes",
        100.0 * count(*) FILTER (WHERE t."resolutionMetAt" IS NOT NULL AND NOT t."slaBreached")
          / NULLIF(count(*) FILTER (WHERE t."resolutionMetAt" IS NOT NULL OR t."slaBreached"), 0) AS "slaCompliancePct",
        100.0 * count(*) FILTER (WHERE t."reopenCount" > 0)
          / NULLIF(count(*) FILTER (WHERE t."resolutionMetAt" IS NOT NULL OR t."reopenCount" > 0), 0) AS "reopenRatePct",
        avg(t."ratingScore") AS "averageRating",
        count(t."ratingScore")::int AS ratings
      FROM tickets t ${join}
      WHERE ${where.join(' AND ')}
      GROUP BY 1, 2
      ORDER BY 1 NULLS LAST`;
    const rows: Record<string, unknown>[] = await this.db.query(sql, params);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      rows: rows.map((r) => ({
        key: r.key === null ? null : String(r.key instanceof Date ? r.key.toISOString() : r.key),
        label: (r.label as string | null) ?? null,
        created: Number(r.created),
        backlog: Number(r.backlog),
        resolved: Number(r.resolved),
        meanFirstResponseMinutes: round(r.meanFirstResponseMinutes),
        meanResolutionMinutes: round(r.meanResolutionMinutes),
        slaCompliancePct: round(r.slaCompliancePct),
        reopenRatePct: round(r.reopenRatePct),
        averageRating: round(r.averageRating, 2),
        ratings: Number(r.ratings),
      })),
    };
  }

  async csv(p: Principal, q: TicketMetricsQueryDto): Promise<string> {
    const m = await this.compute(p, q);
    const columns = ['key', 'label', 'created', 'backlog', 'resolved', 'meanFirstResponseMinutes', 'meanResolutionMinutes', 'slaCompliancePct', 'reopenRatePct', 'averageRating', 'ratings'] as const;
    return stringify(
      m.rows.map((r) => columns.map((c) => r[c] ?? '')),
      { header: true, columns: [...columns] },
    );
  }

  private grouping(groupBy: MetricGroup, period: string, zone: string, params: unknown[]): { key: string; label: string; join: string } {
    switch (groupBy) {
      case 'building':
        return { key: 't."buildingId"', label: 'b.name', join: 'LEFT JOIN buildings b ON b.id = t."buildingId"' };
      case 'category':
        return { key: 't.category', label: 't.category', join: '' };
      case 'technician':
        return { key: 't."assigneeId"', label: 's."fullName"', join: 'LEFT JOIN staff s ON s.id = t."assigneeId"' };
      case 'period': {
        params.push(period, zone);
        const bucket = `date_trunc($${params.length - 1}, t."createdAt" AT TIME ZONE $${params.length})`;
        return { key: `to_char(${bucket}, 'YYYY-MM-DD')`, label: `to_char(${bucket}, 'YYYY-MM-DD')`, join: '' };
      }
      default:
        return { key: 'NULL::text', label: `'all'::text`, join: '' };
    }
  }
}
