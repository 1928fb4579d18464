import { SimRandom } from './sim-random';

function draw(r: SimRandom): unknown[] {
  return [r.next(), r.intBetween(1, 6), r.chance(0.5), r.exponential(1000), r.pick(['a', 'b', 'c']), r.uuid(), r.between(-1, 1)];
}

describe('SimRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(SimRandom.from(42, 'gate-1'))).toEqual(draw(SimRandom.from(42, 'gate-1')));
  });

  it('gives different sequences for different seeds or labels', () => {
    expect(draw(SimRandom.from(42, 'gate-1'))).not.toEqual(draw(SimRandom.from(43, 'gate-1')));
    expect(draw(SimRandom.from(42, 'gate-1'))).not.toEqual(draw(SimRandom.from(42, 'gate-2')));
  });

  it('forks independent streams: drawing from one does not shift another', () => {
    const a = SimRandom.from(7);
    const b = SimRandom.from(7);
    a.next();
    a.next();
    expect(draw(a.fork('faults'))).toEqual(draw(b.fork('faults')));
  });

  it('never uses Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    try {
      draw(SimRandom.from(1));
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps draws in range and uuids in v4 layout', () => {
    const r = SimRandom.from('range');
    for (let i = 0; i < 2000; i++) {
      const n = r.intBetween(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const e = r.exponential(100);
      expect(e >= 0 && e <= 1000).toBe(true);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
  });

  it('has roughly the asked probability and mean', () => {
    const r = SimRandom.from('stats');
    let hits = 0;
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      if (r.chance(0.2)) hits++;
      sum += r.exponential(50);
    }
    expect(hits / n).toBeGreaterThan(0.18);
    expect(hits / n).toBeLessThan(0.22);
    expect(sum / n).toBeGreaterThan(47);
    expect(sum / n).toBeLessThan(53);
  });
});
