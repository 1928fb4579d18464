import { createVersionFilter } from './version-filter';

describe('createVersionFilter: newest version per entity wins, whatever the arrival order', () => {
  it('drops duplicates and older versions of the same entity', () => {
    const f = createVersionFilter();
    expect(f.accept('ticket', 't1', 2)).toBe(true);
    expect(f.accept('ticket', 't1', 2)).toBe(false);
    expect(f.accept('ticket', 't1', 1)).toBe(false);
    expect(f.accept('ticket', 't1', 3)).toBe(true);
    expect(f.current('ticket', 't1')).toBe(3);
  });

  it('keeps entities and event families apart', () => {
    const f = createVersionFilter();
    expect(f.accept('ticket', 't1', 5)).toBe(true);
    expect(f.accept('ticket', 't2', 1)).toBe(true);
    expect(f.accept('device', 't1', 1)).toBe(true);
    f.clear();
    expect(f.current('ticket', 't1')).toBeUndefined();
  });
});
