import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, QueueProducer, CoreModule, TypedProcessor } from '@app/core';
import { TestEnv, clearRedisPrefix, createTestEnv, waitFor } from '@app/testing';

// The worker shuts down the way SIGTERM does (enableShutdownHooks → app.close()): its BullMQ workers
// close and wait for the job in progress, which completes instead of being left stalled.
const progress = { started: 0, finished: 0 };

@Processor(QueueName.Housekeeping)
class SlowHousekeeping extends TypedProcessor<QueueName.Housekeeping> {
  protected readonly queueName = QueueName.Housekeeping;
  protected handlers(): JobHandlers<QueueName.Housekeeping> {
    return {
      'presence-sweep': async () => {
        progress.started++;
        await new Promise((r) => setTimeout(r, 1500));
        progress.finished++;
      },
      'command-timeout-sweep': async () => undefined,
    };
  }
}

describe('worker drains its active jobs on shutdown', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv('drain');
  });
  afterAll(async () => {
    const c = env.config();
    await clearRedisPrefix(c.redis.url, c.redis.keyPrefix);
    await env?.drop();
  });

  it('finishes the job in progress before the process context closes', async () => {
    const config = env.config();
    @Module({ imports: [CoreModule.forRoot(config)], providers: [SlowHousekeeping] })
    class DrainTestModule {}
    const app = await NestFactory.createApplicationContext(DrainTestModule, { logger: false });
    await app.init();
    const id = await app.get(QueueProducer).add(QueueName.Housekeeping, 'presence-sweep', {}, { jobId: 'drain-test-1' });
    expect(await waitFor(async () => progress.started, (n) => n === 1, 10_000, 20)).toBe(1);
    expect(progress.finished).toBe(0);

    await app.close();
    expect(progress.finished).toBe(1);

    // Seen from outside: the job is completed, not stalled or failed.
    const probe = await NestFactory.createApplicationContext(
      (() => {
        @Module({ imports: [CoreModule.forRoot(config)] })
        class ProbeModule {}
        return ProbeModule;
      })(),
      { logger: false },
    );
    const job = await probe.get(QueueProducer).queue(QueueName.Housekeeping).getJob(id!);
    expect(await job?.getState()).toBe('completed');
    await probe.close();
  });
});
