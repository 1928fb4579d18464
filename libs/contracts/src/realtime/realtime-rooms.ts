import { SUBSCRIPTION_TOPICS, type SubscriptionTopic } from './realtime-events';

// Room names, spelled in one place. The server alone decides which rooms a connection is in:
// a client never names a room, it only asks for a topic and an id.

export type RoomName = `user:${string}` | `household:${string}` | `staff:${string}` | `${SubscriptionTopic}:${string}`;

export const userRoom = (accountId: string): RoomName => `user:${accountId}`;
export const householdRoom = (unitId: string): RoomName => `household:${unitId}`;
export const staffRoom = (siteId: string): RoomName => `staff:${siteId}`;
export const topicRoom = (topic: SubscriptionTopic, id: string): RoomName => `${topic}:${id}`;

/** True for an opt-in room (`speaker:…`, `ticket:…`), false for the server-chosen ones. */
export function isTopicRoom(room: string): boolean {
  const sep = room.indexOf(':');
  return sep > 0 && (SUBSCRIPTION_TOPICS as readonly string[]).includes(room.slice(0, sep));
}

/** Who is connecting, as far as room choice is concerned (a subset of the core Principal). */
export interface RoomPrincipal {
  accountId: string;
  role: 'resident' | 'staff' | 'manager' | 'admin';
  siteIds: readonly string[];
  unitIds: readonly string[];
}

/**
 * The rooms a connection joins at connect: its own user room; a resident's households; the staff
 * room of each site a staff member, manager or admin belongs to. A resident never gets a staff room.
 */
export function roomsForPrincipal(p: RoomPrincipal): RoomName[] {
  const rooms = new Set<RoomName>([userRoom(p.accountId)]);
  if (p.role === 'resident') {
    for (const unitId of p.unitIds) rooms.add(householdRoom(unitId));
  } else {
    for (const siteId of p.siteIds) rooms.add(staffRoom(siteId));
  }
  return [...rooms];
}
