import { AnnouncementQueue, simAnnouncementMs } from './announcement-queue';

const normal = (id: string) => ({ announcementId: id, priority: 'normal' as const, text: id });
const emergency = (id: string) => ({ announcementId: id, priority: 'emergency' as const, text: id });

describe('sim speaker announcement queue', () => {
  it('an emergency interrupts a normal announcement; normals wait in arrival order', () => {
    const q = new AnnouncementQueue();
    expect(q.offer(normal('n1'))).toEqual({ action: 'play', interrupted: null });
    expect(q.offer(normal('n2'))).toEqual({ action: 'queue', position: 1 });
    expect(q.offer(emergency('e1'))).toEqual({ action: 'play', interrupted: normal('n1') });
    expect(q.playing?.announcementId).toBe('e1');
    expect(q.finish('e1')?.announcementId).toBe('n2');
    expect(q.finish('n2')).toBeNull();
  });

  it('an emergency waits behind another emergency but ahead of every normal', () => {
    const q = new AnnouncementQueue();
    q.offer(emergency('e1'));
    q.offer(normal('n1'));
    expect(q.offer(emergency('e2'))).toEqual({ action: 'queue', position: 1 });
    expect(q.pending.map((p) => p.announcementId)).toEqual(['e2', 'n1']);
  });

  it('a repeated command changes nothing, and a stale finish keeps the current one', () => {
    const q = new AnnouncementQueue();
    q.offer(normal('n1'));
    expect(q.offer(normal('n1'))).toEqual({ action: 'duplicate' });
    expect(q.finish('other')?.announcementId).toBe('n1');
  });

  it('talks at least 3 s and at most 5 min', () => {
    expect(simAnnouncementMs({ text: 'hi' })).toBe(3000);
    expect(simAnnouncementMs({ text: 'x'.repeat(40) })).toBe(11_500);
    expect(simAnnouncementMs({ text: 'x'.repeat(5000) })).toBe(300_000);
  });
});
