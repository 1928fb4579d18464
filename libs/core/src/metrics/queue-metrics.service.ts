import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueueName } from '../queues/queue-names';
import { QueueProducer } from '../queues/queue-producer.service';
import { MetricsService } from './metrics.service';

/** Exposes each queue's depth by state, read from Redis at scrape time. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly queues: QueueProducer,
  ) {}

  onModuleInit(): void {
    const queues = this.queues;
    this.metrics.gauge('sc_queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state'], async function () {
      this.reset();
      for (const name of Object.values(QueueName)) {
        const counts = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
      }
    });
  }
}
