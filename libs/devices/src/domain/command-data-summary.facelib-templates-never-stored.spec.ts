import { summarizeCommandData } from './command-data-summary';

describe('command data kept in the database', () => {
  it('a facelib.sync keeps version and counts, never an embedding', () => {
    const data = { version: 42, full: false, upserts: [{ personId: 'p1', embedding: 'AAAAAAAA', validUntil: null }], removes: ['p2', 'p3'] };
    const kept = summarizeCommandData('facelib.sync', data);
    expect(kept).toEqual({ version: 42, full: false, upserts: 1, removes: 2 });
    expect(JSON.stringify(kept)).not.toContain('AAAAAAAA');
  });

  it('a chunk of a full library keeps its place in the transfer', () => {
    const data = { version: 42, full: true, upserts: [{ personId: 'p1', embedding: 'AAAAAAAA', validUntil: null }], removes: [], chunk: { index: 1, count: 3 } };
    expect(summarizeCommandData('facelib.sync', data)).toEqual({ version: 42, full: true, upserts: 1, removes: 0, chunk: { index: 1, count: 3 } });
  });

  it('other commands are kept as sent (a copy)', () => {
    const data = { mode: 'lockdown' };
    const kept = summarizeCommandData('gate.mode', data);
    expect(kept).toEqual(data);
    expect(kept).not.toBe(data);
  });
});
