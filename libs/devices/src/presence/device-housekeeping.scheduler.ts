import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobSchedules, QueueName } from '@app/core';

/** Command timeouts are swept at least this often (a gate.open lives 3 s). */
const COMMAND_SWEEP_MAX_MS = 5000;

/**
 * Registers the repeatable sweeps (worker). Job schedulers are upserted by id, so every worker
 * instance may do it at start: there is still one schedule per sweep.
 */
@Injectable()
export class DeviceHousekeepingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeviceHousekeepingScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly schedules: JobSchedules,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const presenceEvery = this.config.devices.presenceSweepSeconds * 1000;
    const commandEvery = Math.min(presenceEvery, COMMAND_SWEEP_MAX_MS);
    await this.schedules.keep(QueueName.Housekeeping, 'presence-sweep', presenceEvery, 'presence-sweep', {});
    await this.schedules.keep(QueueName.Housekeeping, 'command-timeout-sweep', commandEvery, 'command-timeout-sweep', {});
    this.logger.log(`device sweeps scheduled: presence every ${presenceEvery} ms, command timeouts every ${commandEvery} ms`);
  }
}
