import { at, zoneWith } from '../domain/speaker-harness.fixture';
import { nextZoneBoundary } from './zone-boundaries';

describe('next zone boundary', () => {
  it('is the next start or end of quiet hours, opening hours or background music, whichever comes first', () => {
    const zone = zoneWith({
      openingHours: { from: '06:00', to: '23:00' },
      backgroundMusic: [{ from: '07:00', to: '09:00', volume: 20 }],
    });
    expect(nextZoneBoundary(zone, at('2025-06-02T19:00'))).toBe(at('2025-06-02T22:00'));
    expect(nextZoneBoundary(zone, at('2025-06-02T22:30'))).toBe(at('2025-06-02T23:00'));
    expect(nextZoneBoundary(zone, at('2025-06-03T05:00'))).toBe(at('2025-06-03T06:00'));
    expect(nextZoneBoundary(zone, at('2025-06-03T06:30'))).toBe(at('2025-06-03T07:00'));
    expect(nextZoneBoundary(zone, at('2025-06-03T07:30'))).toBe(at('2025-06-03T09:00'));
  });

  it('is never the current instant', () => {
    const zone = zoneWith();
    expect(nextZoneBoundary(zone, at('2025-06-02T22:00'))).toBe(at('2025-06-03T07:00'));
  });
});
