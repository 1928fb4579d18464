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

  it('stages a chunked full library and switches to it only when the last chunk is in', () => {
    const lib = new FaceLibrary();
    lib.apply({ version: 3, full: true, upserts: [up('old')], removes: [] });
    const chunk = (index: number, ids: string[], count = 3) => ({ version: 9, full: true, upserts: ids.map(up), removes: [], chunk: { index, count } });
    expect(lib.apply(chunk(0, ['a', 'b']))).toEqual({ applied: false, version: 3, staged: 1 });
    expect(lib.apply(chunk(1, ['c']))).toEqual({ applied: false, version: 3, staged: 2 });
    expect(lib.apply(chunk(1, ['c']))).toEqual({ applied: false, version: 3, staged: 2 }); // redelivered
    expect(lib.personIds()).toEqual(['old']); // still deciding from the library it holds
    // Enrolments during the transfer: the count grew by one.
    expect(lib.apply(chunk(2, ['d'], 4))).toEqual({ applied: false, version: 3, staged: 3 });
    expect(lib.apply(chunk(3, ['e'], 4))).toEqual({ applied: true, version: 9 });
    expect(lib.personIds().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses a chunk whose earlier chunks it never got (e.g. after a restart)', () => {
    const lib = new FaceLibrary();
    expect(lib.apply({ version: 9, full: true, upserts: [up('c')], removes: [], chunk: { index: 1, count: 3 } })).toEqual({ applied: false, version: 0, refused: 'CHUNK_OUT_OF_ORDER' });
    lib.apply({ version: 9, full: true, upserts: [up('a')], removes: [], chunk: { index: 0, count: 3 } });
    expect(lib.apply({ version: 9, full: true, upserts: [up('c')], removes: [], chunk: { index: 2, count: 3 } })).toMatchObject({ refused: 'CHUNK_OUT_OF_ORDER' });
    expect(lib.size).toBe(0);
  });
});
