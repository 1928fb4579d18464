import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PendingEvent {
  deviceId: string;
  eventId: string;
  siteId: string;
  type: string;
  deviceTs: Date;
  receivedAt: Date;
  data: Record<string, unknown>;
  outcome: Record<string, unknown> | null;
  /** Called after the row (or the row it duplicates) is durably stored. */
  onStored: (inserted: boolean) => void;
}

export interface BatchWriterOptions {
  maxBatch: number;
  maxWaitMs: number;
  /** Batches committing at once (each takes a pool connection). */
  concurrency: number;
  onCommit?: (stats: { size: number; inserted: number; seconds: number }) => void;
  onError?: (err: Error, attempt: number) => void;
}

const COLUMNS = ['"deviceId"', '"eventId"', '"siteId"', '"type"', '"deviceTs"', '"receivedAt"', '"data"', '"outcome"'];

/**
 * Group commit: events from every consumer are gathered and written as one multi-row
 * INSERT … ON CONFLICT DO NOTHING; each event's callback runs after its batch committed. A failed
 * batch is retried with backoff until the database is back — nothing is acknowledged meanwhile, so
 * the broker holds (and after a restart redelivers) everything not yet stored.
 */
export class EventBatchWriter {
  private readonly logger = new Logger(EventBatchWriter.name);
  private queue: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private active = 0;
  private closed = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly opts: BatchWriterOptions,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  add(e: PendingEvent): void {
    this.queue.push(e);
    if (this.queue.length >= this.opts.maxBatch) this.kick();
    else if (!this.timer) this.timer = setTimeout(() => this.kick(), this.opts.maxWaitMs);
  }

  /** Resolves when everything queued so far is stored (graceful shutdown). */
  async drain(): Promise<void> {
    this.kick();
    if (this.queue.length === 0 && this.active === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  close(): void {
    this.closed = true;
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0 && this.active < this.opts.concurrency) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      this.active++;
      void this.commit(batch).finally(() => {
        this.active--;
        if (this.queue.length > 0) this.kick();
        else if (this.active === 0) this.idle.splice(0).forEach((r) => r());
      });
    }
  }

  private async commit(batch: PendingEvent[]): Promise<void> {
    // Duplicates inside one batch (a device sending twice quickly) would make ON CONFLICT see the
    // same key twice in one statement, which Postgres rejects; keep the first of each.
    const unique = new Map<string, PendingEvent>();
    for (const e of batch) if (!unique.has(`${e.deviceId}/${e.eventId}`)) unique.set(`${e.deviceId}/${e.eventId}`, e);
    const rows = [...unique.values()];
    const params: unknown[] = [];
    const values = rows.map((e) => {
      const b = params.length;
      params.push(e.deviceId, e.eventId, e.siteId, e.type, e.deviceTs, e.receivedAt, e.data, e.outcome);
      return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`;
    });
    const sql = `INSERT INTO device_events (${COLUMNS.join(',')}) VALUES ${values.join(',')} ON CONFLICT ("deviceId","eventId") DO NOTHING RETURNING "deviceId","eventId"`;
    for (let attempt = 1; ; attempt++) {
      const started = process.hrtime.bigint();
      try {
        const inserted = (await this.db.query(sql, params)) as { deviceId: string; eventId: string }[];
        const ins = new Set(inserted.map((r) => `${r.deviceId}/${r.eventId}`));
        this.opts.onCommit?.({ size: batch.length, inserted: ins.size, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
        for (const e of batch) {
          const key = `${e.deviceId}/${e.eventId}`;
          // Only the first copy of a key counts as inserted; its twins are duplicates.
          e.onStored(ins.delete(key));
        }
        return;
      } catch (err) {
        this.opts.onError?.(err as Error, attempt);
        if (this.closed) {
          this.logger.warn(`dropping ${batch.length} unstored events at shutdown; the broker will redeliver them`);
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** Math.min(attempt, 6), 5000)));
      }
    }
  }
}
