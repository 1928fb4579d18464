import type { NotificationPayload } from '@app/contracts/realtime';
import type { Notification } from './notification.entity';

/** The realtime `notification` event for a stored inbox row (its id is the row id). */
export function notificationPayload(n: Notification): NotificationPayload {
  return {
    id: n.id,
    version: n.createdAt.getTime(),
    at: n.createdAt.toISOString(),
    kind: n.kind,
    title: n.title,
    ...(n.body ? { body: n.body } : {}),
    ...(n.refType && n.refId ? { ref: { type: n.refType, id: n.refId } } : {}),
  };
}
