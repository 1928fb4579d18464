import { Logger } from '@nestjs/common';
import type { DeviceCommandRecord } from './device-command.entity';

export interface CommandBatchWriterOptions {
  maxBatch: number;
  maxWaitMs: number;
  /** Rows kept while the database is away; the oldest are dropped beyond it (counted). */
  maxBuffered: number;
  write: (rows: DeviceCommandRecord[]) => Promise<void>;
  onDropped?: (n: number) => void;
}

/**
 * Rows of commands sent on the hot path (gate.open/deny), written after the publish in multi-row
 * inserts so the gate's answer never waits for the database. A row is findable here until its
 * batch is in flight, so an ack that overtakes the insert can be applied to the buffered row.
 */
export class CommandBatchWriter {
  private readonly logger = new Logger(CommandBatchWriter.name);
  private buffer = new Map<string, DeviceCommandRecord>();
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private failures = 0;

  constructor(private readonly opts: CommandBatchWriterOptions) {}

  add(row: DeviceCommandRecord): void {
    this.buffer.set(row.id, row);
    if (this.buffer.size > this.opts.maxBuffered) {
      const oldest = this.buffer.keys().next().value as string;
      this.buffer.delete(oldest);
      this.opts.onDropped?.(1);
    }
    if (this.buffer.size >= this.opts.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.opts.maxWaitMs);
  }

  /** The buffered row (not yet being written), to update in place. */
  pending(id: string): DeviceCommandRecord | undefined {
    return this.buffer.get(id);
  }

  get size(): number {
    return this.buffer.size;
  }

  /** Writes everything buffered; resolves when it is stored (or failed and was put back). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.inFlight) {
      await this.inFlight;
      if (this.buffer.size) return this.flush();
      return;
    }
    if (this.buffer.size === 0) return;
    const rows = [...this.buffer.values()].slice(0, this.opts.maxBatch);
    for (const r of rows) this.buffer.delete(r.id);
    this.inFlight = this.opts
      .write(rows)
      .then(() => {
        this.failures = 0;
      })
      .catch((err: Error) => {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) this.logger.warn(`command rows not written (attempt ${this.failures}), retrying: ${err.message}`);
        // Put them back in front (Map keeps insertion order), unless newer state replaced them.
        const rest = this.buffer;
        this.buffer = new Map(rows.map((r) => [r.id, r]));
        for (const [id, r] of rest) this.buffer.set(id, r);
      })
      .finally(() => {
        this.inFlight = undefined;
        if (this.buffer.size) this.timer ??= setTimeout(() => void this.flush(), this.failures ? Math.min(100 * 2 ** this.failures, 5000) : this.opts.maxWaitMs);
      });
    await this.inFlight;
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
