import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, TypedProcessor } from '@app/core';
import { DurableDeliveryService } from './durable-delivery.service';

/** Thrown to make BullMQ run the job again after its exponential backoff. */
export class DeliveryPendingError extends Error {
  constructor(commandId: string) {
    super(`command ${commandId} not acknowledged yet`);
    this.name = 'DeliveryPendingError';
  }
}

/** Durable command deliveries (worker): each run settles the command or publishes it again. */
@Processor(QueueName.DeviceCommands, { concurrency: 4 })
export class DeviceCommandsProcessor extends TypedProcessor<QueueName.DeviceCommands> {
  protected readonly queueName = QueueName.DeviceCommands;

  constructor(private readonly delivery: DurableDeliveryService) {
    super();
  }

  protected handlers(): JobHandlers<QueueName.DeviceCommands> {
    return {
      'deliver-durable': async ({ commandId }) => {
        if ((await this.delivery.deliver(commandId)) === 'retry') throw new DeliveryPendingError(commandId);
        return { commandId };
      },
    };
  }
}
