import { arrivalRate, arrivalsPerSecond } from './daily-curve';

describe('daily arrival curve', () => {
  it('peaks in the morning rush and again, lower, in the evening', () => {
    const at = (h: number, m = 0) => arrivalRate(h * 60 + m);
    expect(at(7, 45)).toBeGreaterThan(at(12));
    expect(at(18, 30)).toBeGreaterThan(at(14));
    expect(at(7, 45)).toBeGreaterThan(at(18, 30));
    expect(at(3)).toBeLessThan(0.05);
  });

  it('rises to the morning peak and falls after it when 06:30-09:30 is played in a minute', () => {
    const rates = arrivalsPerSecond(6 * 60 + 30, 9 * 60 + 30, 60, 50);
    const peak = rates.indexOf(Math.max(...rates));
    expect(peak).toBeGreaterThan(20);
    expect(peak).toBeLessThan(30);
    expect(Math.max(...rates)).toBeCloseTo(50, -1);
    expect(rates[0]).toBeLessThan(rates[peak] / 3);
    expect(rates[59]).toBeLessThan(rates[peak] / 3);
  });
});
