import { AnnouncementPlan, compareAnnouncements, decideAnnouncementStart, nextAnnouncementToPlay, SpeakerAirtime } from './announcement-rules';

const NOW = Date.UTC(2025, 5, 2, 11, 0);
const plan = (overrides: Partial<AnnouncementPlan> & Pick<AnnouncementPlan, 'announcementId'>): AnnouncementPlan => ({
  priority: 'normal',
  createdAt: NOW - 60_000,
  scheduledAt: null,
  expiresAt: null,
  ...overrides,
});
const idle: SpeakerAirtime = { online: true, session: null, announcement: null, quiet: false };
const busy: SpeakerAirtime = { ...idle, session: { sessionId: 's1' } };

describe('announcement priority: emergency interrupts now, normal waits for a gap or its time', () => {
  it('emergency plays at once over a resident session', () => {
    expect(decideAnnouncementStart(plan({ announcementId: 'e1', priority: 'emergency' }), busy, NOW)).toEqual({
      action: 'play_now',
      interruptsSession: true,
      preempts: null,
    });
  });

  it('emergency pre-empts a normal announcement but queues behind another emergency', () => {
    const normalPlaying: SpeakerAirtime = { ...idle, announcement: { announcementId: 'n1', priority: 'normal' } };
    expect(decideAnnouncementStart(plan({ announcementId: 'e1', priority: 'emergency' }), normalPlaying, NOW)).toEqual({
      action: 'play_now',
      interruptsSession: false,
      preempts: 'n1',
    });
    const emergencyPlaying: SpeakerAirtime = { ...idle, announcement: { announcementId: 'e0', priority: 'emergency' } };
    expect(decideAnnouncementStart(plan({ announcementId: 'e1', priority: 'emergency' }), emergencyPlaying, NOW)).toEqual({
      action: 'wait',
      reason: 'announcement_playing',
      retryAt: null,
    });
  });

  it('unscheduled normal plays in a gap and waits while a session runs', () => {
    expect(decideAnnouncementStart(plan({ announcementId: 'n1' }), idle, NOW)).toEqual({ action: 'play_now', interruptsSession: false, preempts: null });
    expect(decideAnnouncementStart(plan({ announcementId: 'n1' }), busy, NOW)).toEqual({ action: 'wait', reason: 'session_running', retryAt: null });
  });

  it('unscheduled normal waits for the end of quiet hours', () => {
    const quietEnd = NOW + 8 * 3_600_000;
    expect(decideAnnouncementStart(plan({ announcementId: 'n1' }), { ...idle, quiet: true }, NOW, quietEnd)).toEqual({
      action: 'wait',
      reason: 'quiet_hours',
      retryAt: quietEnd,
    });
  });

  it('scheduled normal waits for its time, then plays even over a session', () => {
    const scheduled = plan({ announcementId: 'n1', scheduledAt: NOW + 600_000 });
    expect(decideAnnouncementStart(scheduled, busy, NOW)).toEqual({ action: 'wait', reason: 'scheduled', retryAt: NOW + 600_000 });
    expect(decideAnnouncementStart(scheduled, busy, NOW + 600_000)).toEqual({ action: 'play_now', interruptsSession: true, preempts: null });
  });

  it('nothing plays on an offline speaker, and an expired announcement is dropped', () => {
    expect(decideAnnouncementStart(plan({ announcementId: 'e1', priority: 'emergency' }), { ...idle, online: false }, NOW)).toEqual({
      action: 'wait',
      reason: 'speaker_offline',
      retryAt: null,
    });
    expect(decideAnnouncementStart(plan({ announcementId: 'e1', priority: 'emergency', expiresAt: NOW }), idle, NOW)).toEqual({ action: 'expire' });
  });

  it('orders emergency first, then by due time, then by id', () => {
    const plans = [
      plan({ announcementId: 'n-late', createdAt: NOW }),
      plan({ announcementId: 'n-early', createdAt: NOW - 5_000 }),
      plan({ announcementId: 'e1', priority: 'emergency', createdAt: NOW }),
      plan({ announcementId: 'n-sched', scheduledAt: NOW - 10_000, createdAt: NOW - 1 }),
    ];
    expect([...plans].sort(compareAnnouncements).map((p) => p.announcementId)).toEqual(['e1', 'n-sched', 'n-early', 'n-late']);
  });

  it('picks the first pending announcement that may start', () => {
    const pending = [plan({ announcementId: 'n1' }), plan({ announcementId: 'n2', scheduledAt: NOW - 1_000 })];
    expect(nextAnnouncementToPlay(pending, busy, NOW)?.plan.announcementId).toBe('n2');
    expect(nextAnnouncementToPlay([plan({ announcementId: 'n1' })], busy, NOW)).toBeNull();
  });
});
