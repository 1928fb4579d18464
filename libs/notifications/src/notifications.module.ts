import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationsSnapshotRegistration } from './notifications-snapshot.registration';
import { Notifier } from './notifier.service';

/** The Notifier, for any module that tells people things (tickets, speakers, access). Both apps. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [Notifier, NotificationsService],
  exports: [Notifier, NotificationsService],
})
export class NotificationsModule {}

/** The api side of the inbox: `GET/POST /api/v1/me/notifications…` and the unread snapshot. Load once. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsSnapshotRegistration],
})
export class NotificationsInboxModule {}
