import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@app/core';
import type { SnapshotSections } from '@app/contracts/realtime';
import { MergedSnapshot, mergeSnapshotParts, SnapshotPart } from '../domain/merge-snapshot-parts';
import { RealtimeMetrics } from '../realtime-metrics';
import { SnapshotContext, SnapshotProviders } from '../registry/snapshot-providers.service';
import { withTimeout } from './with-timeout';

/** A provider slower than this is reported as unavailable rather than holding up the whole snapshot. */
export const SNAPSHOT_PROVIDER_TIMEOUT_MS = 3000;

/** Runs every registered provider for one connection, in parallel, each bounded by a timeout. */
@Injectable()
export class SnapshotBuilder {
  private readonly logger = new Logger(SnapshotBuilder.name);

  constructor(
    private readonly providers: SnapshotProviders,
    private readonly metrics: RealtimeMetrics,
  ) {}

  async build(principal: Principal, ctx: SnapshotContext): Promise<MergedSnapshot> {
    const stop = this.metrics.snapshotDuration.startTimer();
    const parts = await Promise.all(this.providers.entries().map(([name, provider]) => this.run(name, () => provider(principal, ctx))));
    stop();
    return mergeSnapshotParts(parts);
  }

  /** One provider, or one topic's snapshot, as a part (never throws). */
  async run(name: string, fn: () => Promise<Partial<SnapshotSections>>): Promise<SnapshotPart> {
    try {
      const sections = await withTimeout(fn(), SNAPSHOT_PROVIDER_TIMEOUT_MS, `snapshot provider ${name}`);
      return { name, ok: true, sections: sections ?? {} };
    } catch (err) {
      this.metrics.snapshotFailures.inc({ provider: name });
      this.logger.warn(`snapshot provider ${name} failed: ${(err as Error).message}`);
      return { name, ok: false, error: (err as Error).message };
    }
  }
}
