import { afterFacelibChunkSettled, facelibChunkCountNow, facelibChunkFaces, facelibUpsertBytes, FullSyncProgress, MAX_FULL_SYNC_ATTEMPTS, mayInterruptFullSync } from './facelib-chunks';

const progress = (p: Partial<FullSyncProgress> = {}): FullSyncProgress => ({ version: 40, count: 3, index: 0, after: null, attempt: 1, ...p });
const ack = (index: number, heldVersion = 7, version = 40) => ({ version, chunk: { index, count: 3 }, acked: true, heldVersion });
const refused = (index: number) => ({ version: 40, chunk: { index, count: 3 }, acked: false, heldVersion: null });

describe('chunked full face-library syncs', () => {
  it('keeps each chunk within the protocol’s 64 KiB message limit', () => {
    expect(facelibChunkFaces(500, 512, 65_536)).toBe(22);
    expect(facelibChunkFaces(250, 16, 65_536)).toBe(250);
    expect(22 * facelibUpsertBytes(512)).toBeLessThan(65_536 - 1000);
    expect(facelibChunkFaces(500, 100_000, 65_536)).toBe(1);
  });

  it('grows or shrinks the count as faces are enrolled or withdrawn during the transfer', () => {
    // A face left after this chunk means another chunk follows.
    expect(facelibChunkCountNow(0, true)).toBe(2);
    expect(facelibChunkCountNow(2, true)).toBe(4); // planned 3, two enrolments meanwhile
    expect(facelibChunkCountNow(1, false)).toBe(2); // planned 3, withdrawals meanwhile
  });

  it('sends the next chunk on the ack of the one in flight, and completes when the last one took', () => {
    expect(afterFacelibChunkSettled(progress(), ack(0))).toBe('next');
    expect(afterFacelibChunkSettled(progress({ index: 1 }), ack(1))).toBe('next');
    expect(afterFacelibChunkSettled(progress({ index: 2 }), ack(2, 40))).toBe('complete');
  });

  it('ignores outcomes of deltas, of other versions and of chunks no longer in flight', () => {
    expect(afterFacelibChunkSettled(null, ack(0))).toBe('not_a_chunk');
    expect(afterFacelibChunkSettled(progress(), { version: 41, chunk: null, acked: true, heldVersion: 41 })).toBe('not_a_chunk');
    expect(afterFacelibChunkSettled(progress(), ack(0, 7, 39))).toBe('not_a_chunk');
    expect(afterFacelibChunkSettled(progress({ index: 1 }), ack(0))).toBe('not_a_chunk');
  });

  it('starts over when the gate refuses a chunk or the last one did not take, a few times at most', () => {
    expect(afterFacelibChunkSettled(progress({ index: 1 }), refused(1))).toBe('restart');
    expect(afterFacelibChunkSettled(progress({ index: 2 }), ack(2, 7))).toBe('restart');
    expect(afterFacelibChunkSettled(progress({ index: 1, attempt: MAX_FULL_SYNC_ATTEMPTS }), refused(1))).toBe('give_up');
  });

  it('lets no delta cut into a transfer in flight, except a gate back online starting over', () => {
    expect(mayInterruptFullSync(null, false, 'change')).toBe(true);
    expect(mayInterruptFullSync(progress(), true, 'change')).toBe(false);
    expect(mayInterruptFullSync(progress(), true, 'reported')).toBe(false);
    expect(mayInterruptFullSync(progress(), true, 'online')).toBe(true);
    // The chunk is no longer pending (settled while this instance was down): start over.
    expect(mayInterruptFullSync(progress(), false, 'change')).toBe(true);
  });
});
