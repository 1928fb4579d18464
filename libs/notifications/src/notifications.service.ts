import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, Page, Principal, toPage } from '@app/core';
import { Notification } from './notification.entity';

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

/** The inbox as its owner reads it (only ever their own rows); written through the Notifier. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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

  /** The newest unread ones (the realtime snapshot on connect). */
  async unread(principal: Principal, limit: number): Promise<Notification[]> {
    return this.db.getRepository(Notification).createQueryBuilder('n').where('n.accountId = :me AND n.readAt IS NULL', { me: principal.accountId }).orderBy('n.createdAt', 'DESC').take(limit).getMany();
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
