import { householdRoom, isTopicRoom, roomsForPrincipal, staffRoom, topicRoom, userRoom } from './realtime-rooms';

describe('roomsForPrincipal: the server picks the rooms from who the user is', () => {
  it('puts a resident in their own user room and each of their households, never a staff room', () => {
    const rooms = roomsForPrincipal({ accountId: 'acc-1', role: 'resident', siteIds: ['site-1'], unitIds: ['unit-a', 'unit-b'] });
    expect(rooms).toEqual([userRoom('acc-1'), householdRoom('unit-a'), householdRoom('unit-b')]);
    expect(rooms.some((r) => r.startsWith('staff:'))).toBe(false);
  });

  it('puts staff, managers and admins in the staff room of each of their sites, and no household', () => {
    for (const role of ['staff', 'manager', 'admin'] as const) {
      const rooms = roomsForPrincipal({ accountId: 'acc-2', role, siteIds: ['site-1', 'site-2'], unitIds: ['unit-a'] });
      expect(rooms).toEqual([userRoom('acc-2'), staffRoom('site-1'), staffRoom('site-2')]);
    }
  });

  it('gives a resident who has moved out of every unit only their user room', () => {
    expect(roomsForPrincipal({ accountId: 'acc-3', role: 'resident', siteIds: [], unitIds: [] })).toEqual(['user:acc-3']);
  });

  it('tells opt-in topic rooms from server-chosen ones', () => {
    expect(isTopicRoom(topicRoom('speaker', 'speaker-1'))).toBe(true);
    expect(isTopicRoom(topicRoom('ticket', 't-1'))).toBe(true);
    expect(isTopicRoom(householdRoom('unit-a'))).toBe(false);
    expect(isTopicRoom(staffRoom('site-1'))).toBe(false);
    expect(isTopicRoom(userRoom('acc-1'))).toBe(false);
    expect(isTopicRoom('speaker')).toBe(false);
  });
});
