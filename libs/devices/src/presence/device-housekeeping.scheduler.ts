import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QueueName, QueueProducer } from '@app/core';

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
    private readonly queues: QueueProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const q = this.queues.queue(QueueName.Housekeeping);
    const presenceEvery = this.config.devices.presenceSweepSeconds * 1000;
    const commandEvery = Math.min(presenceEvery, COMMAND_SWEEP_MAX_MS);
    await q.upsertJobScheduler('presence-sweep', { every: presenceEvery }, { name: 'presence-sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    await q.upsertJobScheduler('command-timeout-sweep', { every: commandEvery }, { name: 'command-timeout-sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    this.logger.log(`device sweeps scheduled: presence every ${presenceEvery} ms, command timeouts every ${commandEvery} ms`);
  }
}
