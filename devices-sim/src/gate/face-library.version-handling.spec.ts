import { FaceLibrary } from './face-library';

const up = (personId: string) => ({ personId, embedding: 'AAAA', validUntil: null });

describe('FaceLibrary', () => {
  it('applies deltas, full replacements and removals in version order', () => {
    const lib = new FaceLibrary();
    expect(lib.apply({ version: 1, full: true, upserts: [up('a'), up('b')], removes: [] })).toEqual({ applied: true, version: 1 });
    expect(lib.apply({ version: 2, full: false, upserts: [up('c')], removes: ['a'] })).toEqual({ applied: true, version: 2 });
    expect(lib.personIds().sort()).toEqual(['b', 'c']);
    expect(lib.apply({ version: 3, full: true, upserts: [up('z')], removes: [] })).toEqual({ applied: true, version: 3 });
    expect(lib.personIds()).toEqual(['z']);
  });

  it('ignores a sync that is not newer and reports the version it holds', () => {
    const lib = new FaceLibrary();
    lib.apply({ version: 5, full: true, upserts: [up('a')], removes: [] });
    expect(lib.apply({ version: 4, full: true, upserts: [], removes: [] })).toEqual({ applied: false, version: 5 });
    expect(lib.apply({ version: 5, full: false, upserts: [up('x')], removes: [] })).toEqual({ applied: false, version: 5 });
    expect(lib.size).toBe(1);
  });
});
