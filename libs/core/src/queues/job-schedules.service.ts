import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobData, JobName, QueueName } from './queue-names';
import { QueueProducer } from './queue-producer.service';

/** How often the kept schedules are checked (the shortest sweep period is about this long). */
const CHECK_EVERY_MS = 15_000;

/**
 * Repeatable jobs (the sweeps that are the safety net of every timer), registered by the worker at
 * start and kept registered: a Redis that loses its data (a restart without AOF, a failover to an
 * empty replica) would otherwise drop them until the next worker start, and with them every timer
 * the sweeps would have caught (found by test/faults/03b-redis-data-loss.fault-spec.ts).
 * Upserted by id, so any number of workers keep one schedule.
 */
@Injectable()
export class JobSchedules implements OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly kept = new Map<string, { queue: QueueName; id: string; upsert: () => Promise<unknown> }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly queues: QueueProducer) {}

  /** Registers `name` on `queue` every `everyMs` under scheduler `id`, and keeps it registered. */
  async keep<Q extends QueueName, J extends JobName<Q>>(queue: Q, id: string, everyMs: number, name: J, data: JobData<Q, J>): Promise<void> {
    const upsert = () => this.queues.queue(queue).upsertJobScheduler(id, { every: everyMs }, { name, data, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    await upsert();
    this.kept.set(`${queue}/${id}`, { queue, id, upsert });
    this.timer ??= setInterval(() => void this.checkNow(), CHECK_EVERY_MS);
  }

  /** Registers again every kept schedule Redis no longer has; returns how many. */
  async checkNow(): Promise<number> {
    let restored = 0;
    for (const k of this.kept.values()) {
      try {
        if (await this.queues.queue(k.queue).getJobScheduler(k.id)) continue;
        await k.upsert();
        restored++;
        this.logger.warn(`job scheduler ${k.queue}/${k.id} was missing from Redis (data lost?): registered again`);
      } catch (err) {
        this.logger.warn(`job scheduler ${k.queue}/${k.id} not checked: ${(err as Error).message}`);
      }
    }
    return restored;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
