import { clampVolume, effectiveCap } from './volume';

describe('clamping a requested volume to the effective cap', () => {
  it('applies a level under the cap as asked', () => {
    expect(clampVolume(45, { zoneCap: 60 })).toEqual({ requested: 45, level: 45, cap: 60, clamped: false, limitedBy: null });
  });

  it('clamps to the zone cap by day', () => {
    expect(clampVolume(80, { zoneCap: 60 })).toEqual({ requested: 80, level: 60, cap: 60, clamped: true, limitedBy: 'zone_cap' });
  });

  it('clamps to the quiet cap at night', () => {
    expect(clampVolume(40, { zoneCap: 60, quietCap: 25 })).toEqual({
      requested: 40,
      level: 25,
      cap: 25,
      clamped: true,
      limitedBy: 'quiet_hours',
    });
  });

  it('clamps to a staff lock below the other caps', () => {
    expect(clampVolume(40, { zoneCap: 60, quietCap: 25, staffLock: 10 }).level).toBe(10);
    expect(effectiveCap({ zoneCap: 60, quietCap: 25, staffLock: 10 }).limitedBy).toBe('staff_lock');
  });

  it('ignores a staff lock above the caps', () => {
    expect(effectiveCap({ zoneCap: 60, staffLock: 90 })).toEqual({ cap: 60, limitedBy: 'zone_cap' });
  });

  it('rounds fractions and raises negatives without calling it clamping', () => {
    expect(clampVolume(33.4, { zoneCap: 60 })).toMatchObject({ level: 33, clamped: false });
    expect(clampVolume(-5, { zoneCap: 60 })).toMatchObject({ level: 0, clamped: false });
  });

  it('refuses a non-number level', () => {
    expect(() => clampVolume(Number.NaN, { zoneCap: 60 })).toThrow(RangeError);
  });
});
