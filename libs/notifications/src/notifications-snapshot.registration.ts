import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { SnapshotProviders } from '@app/realtime';
import { notificationPayload } from './notification-payload';
import { NotificationsService } from './notifications.service';

const SNAPSHOT_NOTIFICATIONS = 20;

/** A connection's snapshot holds its newest unread notifications, whichever module wrote them. */
@Injectable()
export class NotificationsSnapshotRegistration implements OnModuleInit {
  constructor(
    private readonly inbox: NotificationsService,
    @Optional() private readonly snapshots?: SnapshotProviders,
  ) {}

  onModuleInit(): void {
    this.snapshots?.register('notifications', async (p) => ({ notifications: (await this.inbox.unread(p, SNAPSHOT_NOTIFICATIONS)).map(notificationPayload) }));
  }
}
