import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from './queue-names';
import { JobSchedules } from './job-schedules.service';
import { QueueProducer } from './queue-producer.service';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/** BullMQ on the deployment's Redis, every queue under the deployment's key prefix. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: config.redis.keyPrefix,
        defaultJobOptions: { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 86400 }, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
      }),
    }),
    ...queues,
  ],
  providers: [QueueProducer, JobSchedules],
  exports: [QueueProducer, JobSchedules, ...queues],
})
export class QueuesModule {}
