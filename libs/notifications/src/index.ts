// The notification inbox every module writes to (tickets, speakers, access): stored per account,
// pushed live after commit, read through /api/v1/me/notifications.
export * from './notification.entity';
export * from './notification-draft';
export * from './notification-payload';
export * from './notifier.service';
export * from './notifications.service';
export * from './notifications.module';
