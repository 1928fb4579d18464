import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { currentCorrelationId } from '../logging/logging.module';
import { JobData, JobName, QueueName } from './queue-names';

/** Typed enqueueing: the queue decides the allowed job names, the job name the payload shape. */
@Injectable()
export class QueueProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async add<Q extends QueueName, J extends JobName<Q>>(queue: Q, name: J, data: JobData<Q, J>, opts?: JobsOptions): Promise<string | undefined> {
    if (opts?.jobId?.includes(':')) throw new Error(`job id must not contain ':' (${opts.jobId})`);
    const job = await this.queue(queue).add(name, { ...data, correlationId: data.correlationId ?? currentCorrelationId() }, opts);
    return job.id;
  }
}
