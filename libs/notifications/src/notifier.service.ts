import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { userRoom } from '@app/contracts/realtime';
import { RealtimePublisher } from '@app/realtime';
import { Notification } from './notification.entity';
import { NotificationDraft } from './notification-draft';
import { notificationPayload } from './notification-payload';

/**
 * Puts notifications in their owners' inboxes and pushes them live. A module that changes data
 * stores them in its own transaction (`store`) and pushes once it has committed (`push`), so a
 * rolled-back change notifies nobody; `notify` does both for a notice that is not part of a change.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Absent when realtime is not loaded: the inbox is still written.
    @Optional() private readonly publisher?: RealtimePublisher,
  ) {}

  /** One inbox row per recipient (a recipient listed twice in one draft gets one). */
  async store(m: EntityManager, drafts: readonly NotificationDraft[]): Promise<Notification[]> {
    const rows = drafts.flatMap((d) =>
      [...new Set(d.accountIds)].map((accountId) => ({ accountId, kind: d.kind, title: d.title, body: d.body ?? null, refType: d.ref?.type ?? null, refId: d.ref?.id ?? null })),
    );
    if (rows.length === 0) return [];
    const res = await m.createQueryBuilder().insert().into(Notification).values(rows).returning('*').execute();
    return (res.raw as Notification[]).map((r) => ({ ...r, createdAt: new Date(r.createdAt), readAt: r.readAt ? new Date(r.readAt) : null }));
  }

  /** After the commit: each row to its owner's user room. Never throws (the inbox is the record). */
  push(rows: readonly Notification[]): void {
    if (!this.publisher) return;
    for (const n of rows) {
      try {
        this.publisher.toRoom(userRoom(n.accountId), 'notification', notificationPayload(n));
      } catch (err) {
        this.logger.warn(`live notification ${n.kind} not pushed: ${(err as Error).message}`);
      }
    }
  }

  /** Stores and pushes notices that belong to no transaction of the caller. */
  async notify(drafts: readonly NotificationDraft[]): Promise<Notification[]> {
    const rows = await this.db.transaction((m) => this.store(m, drafts));
    this.push(rows);
    return rows;
  }
}
