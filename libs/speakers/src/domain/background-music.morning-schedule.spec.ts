import { backgroundMusicActive, backgroundMusicFor, nextBackgroundMusicChange } from './background-music';
import { at, zoneWith } from './speaker-harness.fixture';

describe('background music per zone schedule', () => {
  const zone = zoneWith({
    backgroundMusic: [
      { from: '07:00', to: '09:00', volume: 30, playlist: 'soft-morning' },
      { from: '18:00', to: '23:00', volume: 40, days: [6, 7] },
    ],
  });

  it('plays soft music 07:00–09:00 when no resident session runs', () => {
    expect(backgroundMusicActive(zone, at('2025-06-02T06:59'), false)).toBe(false);
    expect(backgroundMusicActive(zone, at('2025-06-02T07:00'), false)).toBe(true);
    expect(backgroundMusicActive(zone, at('2025-06-02T08:59'), false)).toBe(true);
    expect(backgroundMusicActive(zone, at('2025-06-02T09:00'), false)).toBe(false);
  });

  it('a resident session takes precedence', () => {
    expect(backgroundMusicActive(zone, at('2025-06-02T08:00'), true)).toBe(false);
  });

  it('weekend evening music is clamped to the quiet cap after 22:00 and absent on weekdays', () => {
    // 2025-06-07 is a Saturday, 2025-06-02 a Monday.
    expect(backgroundMusicFor(zone, at('2025-06-07T19:00'), false)?.level).toBe(40);
    expect(backgroundMusicFor(zone, at('2025-06-07T22:30'), false)?.level).toBe(25);
    expect(backgroundMusicActive(zone, at('2025-06-02T19:00'), false)).toBe(false);
  });

  it('gives the next start or stop for the zone timer', () => {
    expect(nextBackgroundMusicChange(zone, at('2025-06-02T06:00'))).toBe(at('2025-06-02T07:00'));
    expect(nextBackgroundMusicChange(zone, at('2025-06-02T08:00'))).toBe(at('2025-06-02T09:00'));
    expect(nextBackgroundMusicChange(zoneWith(), at('2025-06-02T08:00'))).toBeNull();
  });
});
