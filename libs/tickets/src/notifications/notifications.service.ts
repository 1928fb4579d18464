import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { Notification } from './notification.entity';
import { NotificationDraft } from './notification-draft';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  ref: { type: string; id: string } | null;
  readAt: Date | null;
  createdAt: Date;
}

export function notificationView(n: Notification): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, ref: n.refType && n.refId ? { type: n.refType, id: n.refId } : null, readAt: n.readAt, createdAt: n.createdAt };
}

/** The stored inbox: written in the transaction of the change it reports, read by its owner only. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts one row per recipient (duplicates across drafts are kept apart by kind). */
  async store(m: EntityManager, drafts: readonly NotificationDraft[]): Promise<Notification[]> {
    const rows = drafts.flatMap((d) =>
      [...new Set(d.accountIds)].map((accountId) => ({ accountId, kind: d.kind, title: d.title, body: d.body ?? null, refType: d.ref?.type ?? null, refId: d.ref?.id ?? null })),
    );
    if (rows.length === 0) return [];
    const res = await m.createQueryBuilder().insert().into(Notification).values(rows).returning('*').execute();
    return (res.raw as Notification[]).map((r) => ({ ...r, createdAt: new Date(r.createdAt), readAt: r.readAt ? new Date(r.readAt) : null }));
  }

  async list(principal: Principal, q: { limit?: number; cursor?: string; unread?: boolean }): Promise<Page<NotificationView> & { unread: number }> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const qb = this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.accountId = :me', { me: principal.accountId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (q.unread) qb.andWhere('n.readAt IS NULL');
    if (after) qb.andWhere('(n.createdAt, n.id) < (:v, :id)', { v: new Date(String(after.v)), id: after.id });
    const page = toPage(await qb.getMany(), limit, (n) => ({ v: n.createdAt.toISOString(), id: n.id }));
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM notifications WHERE "accountId" = $1 AND "readAt" IS NULL`, [principal.accountId]);
    return { items: page.items.map(notificationView), nextCursor: page.nextCursor, unread: count };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const res = await this.db
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'COALESCE("readAt", now())' })
      .where('id = :id AND "accountId" = :me', { id, me: principal.accountId })
      .returning('*')
      .execute();
    const row = (res.raw as Notification[])[0];
    if (!row) throw DomainError.notFound('Notification', id);
    return notificationView({ ...row, createdAt: new Date(row.createdAt), readAt: row.readAt ? new Date(row.readAt) : null });
  }

  async markAllRead(principal: Principal): Promise<{ updated: number }> {
    const res = await this.db.createQueryBuilder().update(Notification).set({ readAt: () => 'now()' }).where('"accountId" = :me AND "readAt" IS NULL', { me: principal.accountId }).execute();
    return { updated: res.affected ?? 0 };
  }
}
