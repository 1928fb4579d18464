import { mergeFeed, type FeedRow } from './access-feed';

const row = (id: string, at: string): FeedRow => ({ id, at, deviceId: 'g', granted: true, method: 'face', reason: null, who: 'x' });

describe('live access feed', () => {
  it('puts the newest first and drops an event that is both in the first page and live', () => {
    const page = [row('b', '2026-01-01T10:00:02Z'), row('a', '2026-01-01T10:00:01Z')];
    expect(mergeFeed(page, [row('c', '2026-01-01T10:00:03Z'), row('b', '2026-01-01T10:00:02Z')]).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
  it('keeps at most the limit', () => {
    expect(mergeFeed([row('a', '2026-01-01T10:00:01Z')], [row('b', '2026-01-01T10:00:02Z')], 1).map((r) => r.id)).toEqual(['b']);
  });
});
