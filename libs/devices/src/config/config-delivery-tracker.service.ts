import { Injectable } from '@nestjs/common';
import { CommandResults } from '../commands/command-results';
import { CommandStore } from '../commands/command-store';

/**
 * Devices acknowledge a config by reporting its version in telemetry (configVersion); the presence
 * flush hands over the devices whose reported version changed, and their config deliveries up to
 * that version are acked.
 */
@Injectable()
export class ConfigDeliveryTracker {
  constructor(
    private readonly store: CommandStore,
    private readonly results: CommandResults,
  ) {}

  async onReportedVersions(reports: { deviceId: string; version: number }[], at = new Date()): Promise<void> {
    const acked = await this.store.ackConfigUpTo(reports, at);
    for (const c of acked) this.results.reportChange(c, at);
  }
}
