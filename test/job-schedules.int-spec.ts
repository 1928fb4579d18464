import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, JobSchedules, QueueName, QueueProducer } from '@app/core';
import { TestEnv, clearRedisPrefix, createTestEnv } from '@app/testing';

// The sweeps are the safety net of every timer. If Redis loses its data (restart without AOF,
// failover to an empty replica) their schedulers vanish with it; the worker registers them again.
describe('job schedules survive a Redis that lost its data', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv('schedules');
  });
  afterAll(async () => {
    const c = env.config();
    await clearRedisPrefix(c.redis.url, c.redis.keyPrefix);
    await env?.drop();
  });

  it('registers a kept scheduler again once Redis no longer has it, and leaves a present one alone', async () => {
    @Module({ imports: [CoreModule.forRoot(env.config())] })
    class SchedulesTestModule {}
    const app = await NestFactory.createApplicationContext(SchedulesTestModule, { logger: false });
    await app.init();
    try {
      const schedules = app.get(JobSchedules);
      const queue = app.get(QueueProducer).queue(QueueName.TicketSla);
      await schedules.keep(QueueName.TicketSla, 'test-sweep', 30_000, 'sweep', {});
      expect(await queue.getJobScheduler('test-sweep')).toMatchObject({ every: 30_000 });
      expect(await schedules.checkNow()).toBe(0);

      // What a flushed Redis leaves: no scheduler, no delayed job.
      await clearRedisPrefix(env.config().redis.url, env.config().redis.keyPrefix);
      expect(await queue.getJobScheduler('test-sweep')).toBeUndefined();
      expect(await schedules.checkNow()).toBe(1);
      expect(await queue.getJobScheduler('test-sweep')).toMatchObject({ every: 30_000 });
      // Its next run is queued again.
      const counts = await queue.getJobCounts('delayed', 'waiting', 'prioritized');
      expect(counts.delayed + counts.waiting + counts.prioritized).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});
