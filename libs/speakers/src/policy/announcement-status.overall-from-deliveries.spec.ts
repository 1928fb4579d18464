import { defaultAnnouncementExpiry, estimateAnnouncementMs, overallAnnouncementStatus } from './announcement-status';

const now = Date.parse('2025-06-02T11:00:00Z');
const open = { scheduledAt: null, cancelled: false };

describe('announcement overall status', () => {
  it('is scheduled until its time, then sending, playing once a speaker took it', () => {
    expect(overallAnnouncementStatus({ scheduledAt: now + 60_000, cancelled: false }, ['queued', 'queued'], now)).toBe('scheduled');
    expect(overallAnnouncementStatus(open, ['queued', 'sent'], now)).toBe('sending');
    expect(overallAnnouncementStatus(open, ['acked', 'queued'], now)).toBe('playing');
    expect(overallAnnouncementStatus(open, ['played', 'queued'], now)).toBe('playing');
  });

  it('is delivered, partial or failed once every speaker is final', () => {
    expect(overallAnnouncementStatus(open, ['played', 'played'], now)).toBe('delivered');
    expect(overallAnnouncementStatus(open, ['played', 'failed'], now)).toBe('partial');
    expect(overallAnnouncementStatus(open, ['failed', 'failed'], now)).toBe('failed');
  });

  it('a cancelled one stays cancelled unless it had already finished everywhere', () => {
    expect(overallAnnouncementStatus({ scheduledAt: null, cancelled: true }, ['failed', 'sent'], now)).toBe('cancelled');
    expect(overallAnnouncementStatus({ scheduledAt: null, cancelled: true }, ['played', 'played'], now)).toBe('delivered');
  });

  it('estimates how long it talks, or takes the given duration, within bounds', () => {
    expect(estimateAnnouncementMs('short')).toBe(3000);
    expect(estimateAnnouncementMs('x'.repeat(100))).toBe(26_500);
    expect(estimateAnnouncementMs(null)).toBe(30_000);
    expect(estimateAnnouncementMs('ignored', 2)).toBe(2000);
    expect(estimateAnnouncementMs('ignored', 9999)).toBe(300_000);
  });

  it('emergencies go stale within a quarter of an hour, normal ones within a day', () => {
    expect(defaultAnnouncementExpiry('emergency', now) - now).toBe(15 * 60_000);
    expect(defaultAnnouncementExpiry('normal', now) - now).toBe(24 * 3_600_000);
  });
});
