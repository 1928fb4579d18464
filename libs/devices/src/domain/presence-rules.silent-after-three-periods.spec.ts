import { isSilent, offlineAfterMs, silenceCutoff } from './presence-rules';

describe('presence: a device silent for more than 3 telemetry periods is offline', () => {
  const now = new Date('2026-01-01T10:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('allows exactly 3 periods of silence', () => {
    expect(offlineAfterMs(30)).toBe(90_000);
    expect(isSilent(ago(90_000), now, 30)).toBe(false);
    expect(isSilent(ago(90_001), now, 30)).toBe(true);
  });

  it('scales with the configured period (tests run with 1 s)', () => {
    expect(isSilent(ago(2_999), now, 1)).toBe(false);
    expect(isSilent(ago(3_001), now, 1)).toBe(true);
    expect(silenceCutoff(now, 1).toISOString()).toBe('2026-01-01T09:59:57.000Z');
  });

  it('treats a device never heard from as silent', () => {
    expect(isSilent(null, now, 30)).toBe(true);
  });
});
