import { elapsed, eveningClock } from './evening-clock';

describe('leisure-evening clock', () => {
  it('starts quiet hours on the next whole minute at least the evening length away, in the site zone', () => {
    const now = Date.parse('2025-06-02T13:58:20.500Z'); // 21:58:20.5 in Shanghai
    const clock = eveningClock(now, 60_000, 'Asia/Shanghai');
    expect(clock.quietHours).toEqual({ from: '22:00', to: '23:00' });
    expect(clock.quietAt).toBe(Date.parse('2025-06-02T14:00:00Z'));
  });

  it('keeps an exact minute and wraps past midnight', () => {
    const now = Date.parse('2025-06-02T15:58:00Z'); // 23:58 in Shanghai
    expect(eveningClock(now, 120_000, 'Asia/Shanghai', 30).quietHours).toEqual({ from: '00:00', to: '00:30' });
  });

  it('prints the time since the start', () => {
    expect(elapsed(0, 75_400)).toBe('+01:15');
  });
});
