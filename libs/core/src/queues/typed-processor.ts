import { Logger, OnModuleInit } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CLS_ID, ClsServiceManager } from 'nestjs-cls';
import { JobData, JobName, QUEUE_JOBS, QueueName } from './queue-names';

export type JobHandlers<Q extends QueueName> = { [J in JobName<Q>]: (data: JobData<Q, J>, job: Job) => Promise<unknown> };

/**
 * Base of every processor: one per queue, a handler for every job name (the type demands it, and
 * the check at boot catches what the type cannot), the job's correlation id restored for its logs.
 */
export abstract class TypedProcessor<Q extends QueueName> extends WorkerHost implements OnModuleInit {
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly queueName: Q;
  protected abstract handlers(): JobHandlers<Q>;

  onModuleInit(): void {
    const have = Object.keys(this.handlers());
    const missing = QUEUE_JOBS[this.queueName].filter((j) => !have.includes(j));
    if (missing.length) throw new Error(`queue ${this.queueName}: no handler for job(s) ${missing.join(', ')}`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers() as Record<string, ((d: unknown, j: Job) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new Error(`queue ${this.queueName}: unknown job ${job.name}`);
    const cls = ClsServiceManager.getClsService();
    const correlationId = (job.data as { correlationId?: string })?.correlationId ?? `job-${job.id}`;
    return cls.run(async () => {
      cls.set(CLS_ID, correlationId);
      return handler(job.data, job);
    });
  }
}
