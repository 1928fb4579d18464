import { noticeData, noticeTitle } from './notice-text';

const now = Date.parse('2025-06-02T11:00:00Z');

describe('speaker notices pushed to residents', () => {
  it('never carries the pairing code', () => {
    const pairing = { kind: 'pairing' as const, sessionId: 's1', code: '123456', until: now + 120_000 };
    expect(noticeTitle(pairing, 'Lakeside', now)).toBe('Lakeside: pair your phone now, your code is valid for 2 minutes');
    expect(noticeData(pairing)).toEqual({ kind: 'pairing', sessionId: 's1', until: now + 120_000 });
    expect(JSON.stringify(noticeData({ kind: 'reconnect_window', sessionId: 's1', code: '654321', until: now }))).not.toContain('654321');
  });

  it('says why a session ended, with the staff note', () => {
    const ended = { kind: 'session_ended' as const, sessionId: 's1', reason: 'ended_by_staff' as const, usedMs: 60_000, note: 'too loud' };
    expect(noticeTitle(ended, 'Lakeside', now)).toBe('Lakeside: your session ended (ended by staff): too loud');
    expect(noticeTitle({ kind: 'session_resumed', sessionId: 's1', endsAt: now, givenBackMs: 12_000 }, 'Lakeside', now)).toBe('Lakeside: your music is back, 12 s added to your session');
  });
});
