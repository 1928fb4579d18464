// The inbox moved to libs/notifications (@app/notifications). This type re-export keeps
// apps/console's `@app/tickets/notifications/notifications.service` import working until it
// imports from the new place; nothing else should use it.
export type { NotificationView } from '../../../notifications/src/notifications.service';
