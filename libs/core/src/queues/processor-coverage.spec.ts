import type { Job } from 'bullmq';
import { queuesWithoutProcessor } from './processor-coverage';
import { QueueName } from './queue-names';
import { JobHandlers, TypedProcessor } from './typed-processor';

class HousekeepingProcessor extends TypedProcessor<QueueName.Housekeeping> {
  protected readonly queueName = QueueName.Housekeeping;
  protected handlers(): JobHandlers<QueueName.Housekeeping> {
    return { 'presence-sweep': async () => undefined, 'command-timeout-sweep': async () => undefined };
  }
}

class HalfDoneProcessor extends TypedProcessor<QueueName.Housekeeping> {
  protected readonly queueName = QueueName.Housekeeping;
  protected handlers(): JobHandlers<QueueName.Housekeeping> {
    // Deliberately incomplete, as a processor written against an older job list would be.
    return { 'presence-sweep': async () => undefined } as unknown as JobHandlers<QueueName.Housekeeping>;
  }
}

describe('processor coverage at worker boot', () => {
  it('lists every queue that has no processor', () => {
    const missing = queuesWithoutProcessor([new HousekeepingProcessor(), { not: 'a processor' }, undefined]);
    expect(missing).not.toContain(QueueName.Housekeeping);
    expect(missing).toEqual(Object.values(QueueName).filter((q) => q !== QueueName.Housekeeping));
  });

  it('finds nothing missing when every queue is covered', () => {
    const fakes = Object.values(QueueName).map((q) => Object.assign(Object.create(TypedProcessor.prototype), { queueName: q }));
    expect(queuesWithoutProcessor(fakes)).toEqual([]);
  });

  it('refuses a processor that lacks a handler for one of its jobs', () => {
    expect(() => new HalfDoneProcessor().onModuleInit()).toThrow('queue housekeeping: no handler for job(s) command-timeout-sweep');
  });

  it('runs the handler of the job by name, and fails on a job name it does not know', async () => {
    const p = new HousekeepingProcessor();
    await expect(p.process({ name: 'presence-sweep', data: {}, id: '1' } as Job)).resolves.toBeUndefined();
    await expect(p.process({ name: 'coffee', data: {}, id: '2' } as Job)).rejects.toThrow('queue housekeeping: unknown job coffee');
  });
});
