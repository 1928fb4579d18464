import { Logger } from '@nestjs/common';
import { CommandBatchWriter } from './command-batch-writer';
import type { DeviceCommandRecord } from './device-command.entity';

const row = (id: string): DeviceCommandRecord => ({
  id,
  deviceId: 'gate-1',
  type: 'gate.open',
  data: {},
  status: 'sent',
  durable: false,
  supersedeKey: null,
  requestId: null,
  attempts: 1,
  expiresAt: new Date(),
  sentAt: new Date(),
  completedAt: null,
  error: null,
  createdByAccountId: null,
  createdAt: new Date(),
});

describe('hot-path command rows: batched after the publish', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('writes full batches at once and the rest on flush, in order', async () => {
    const written: string[][] = [];
    const w = new CommandBatchWriter({ maxBatch: 3, maxWaitMs: 10_000, maxBuffered: 100, write: async (rows) => void written.push(rows.map((r) => r.id)) });
    for (const id of ['a', 'b', 'c', 'd']) w.add(row(id));
    await w.flush();
    await w.close();
    expect(written).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('a buffered row can be updated before it is written (an ack that overtook the insert)', async () => {
    const written: DeviceCommandRecord[] = [];
    const w = new CommandBatchWriter({ maxBatch: 10, maxWaitMs: 10_000, maxBuffered: 100, write: async (rows) => void written.push(...rows) });
    w.add(row('a'));
    Object.assign(w.pending('a')!, { status: 'acked' });
    await w.close();
    expect(written.map((r) => [r.id, r.status])).toEqual([['a', 'acked']]);
    expect(w.pending('a')).toBeUndefined();
  });

  it('keeps the rows while the database is away and writes them when it is back', async () => {
    let up = false;
    const written: string[] = [];
    const w = new CommandBatchWriter({
      maxBatch: 10,
      maxWaitMs: 10_000,
      maxBuffered: 100,
      write: async (rows) => {
        if (!up) throw new Error('connection refused');
        written.push(...rows.map((r) => r.id));
      },
    });
    w.add(row('a'));
    w.add(row('b'));
    await w.flush();
    expect(written).toEqual([]);
    expect(w.size).toBe(2);
    w.add(row('c'));
    up = true;
    await w.close();
    expect(written).toEqual(['a', 'b', 'c']);
  });

  it('bounds what it keeps during an outage, dropping the oldest (counted)', async () => {
    let dropped = 0;
    const w = new CommandBatchWriter({ maxBatch: 100, maxWaitMs: 10_000, maxBuffered: 2, write: async () => undefined, onDropped: (n) => (dropped += n) });
    for (const id of ['a', 'b', 'c']) w.add(row(id));
    expect(dropped).toBe(1);
    expect(w.pending('a')).toBeUndefined();
    expect(w.pending('c')).toBeDefined();
    await w.close();
  });
});
