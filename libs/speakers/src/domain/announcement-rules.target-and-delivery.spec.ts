import { DirectoryEntry, expandTarget, summarizeDeliveries, transitionDelivery } from './announcement-rules';

const directory: DirectoryEntry[] = [
  { speakerId: 'spk-3', zoneId: 'lakeside', siteId: 'site-1' },
  { speakerId: 'spk-1', zoneId: 'lakeside', siteId: 'site-1' },
  { speakerId: 'spk-2', zoneId: 'garden', siteId: 'site-1' },
  { speakerId: 'spk-9', zoneId: 'plaza', siteId: 'site-2' },
];

describe('announcement targets expand to speaker ids', () => {
  it('speaker, zone and site', () => {
    expect(expandTarget({ kind: 'speaker', speakerId: 'spk-2' }, directory)).toEqual(['spk-2']);
    expect(expandTarget({ kind: 'zone', zoneId: 'lakeside' }, directory)).toEqual(['spk-1', 'spk-3']);
    expect(expandTarget({ kind: 'site', siteId: 'site-1' }, directory)).toEqual(['spk-1', 'spk-2', 'spk-3']);
  });

  it('an unknown target reaches nobody', () => {
    expect(expandTarget({ kind: 'speaker', speakerId: 'ghost' }, directory)).toEqual([]);
    expect(expandTarget({ kind: 'zone', zoneId: 'nowhere' }, directory)).toEqual([]);
  });
});

describe('per-speaker delivery status', () => {
  it('moves forward queued → sent → acked → played', () => {
    expect(transitionDelivery('queued', 'sent')).toEqual({ ok: true, status: 'sent', changed: true });
    expect(transitionDelivery('sent', 'acked')).toEqual({ ok: true, status: 'acked', changed: true });
    expect(transitionDelivery('acked', 'played')).toEqual({ ok: true, status: 'played', changed: true });
  });

  it('may skip a lost ack and may fail from any open status', () => {
    expect(transitionDelivery('sent', 'played')).toMatchObject({ ok: true, status: 'played' });
    expect(transitionDelivery('queued', 'failed')).toMatchObject({ ok: true, status: 'failed' });
    expect(transitionDelivery('acked', 'failed')).toMatchObject({ ok: true, status: 'failed' });
  });

  it('treats a repeat as a no-op and refuses to go back or leave a final status', () => {
    expect(transitionDelivery('acked', 'acked')).toEqual({ ok: true, status: 'acked', changed: false });
    expect(transitionDelivery('acked', 'sent')).toEqual({ ok: false, status: 'acked', message: 'delivery cannot go back from acked to sent' });
    expect(transitionDelivery('played', 'failed')).toEqual({ ok: false, status: 'played', message: 'delivery already played, cannot become failed' });
    expect(transitionDelivery('failed', 'played')).toMatchObject({ ok: false, status: 'failed' });
  });

  it('summarizes an announcement across speakers', () => {
    expect(summarizeDeliveries(['played', 'failed', 'acked'])).toEqual({
      total: 3,
      byStatus: { queued: 0, sent: 0, acked: 1, played: 1, failed: 1 },
      complete: false,
    });
    expect(summarizeDeliveries(['played', 'failed']).complete).toBe(true);
  });
});
