import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, TypedProcessor } from '@app/core';
import { DeviceCommandService } from '../commands/device-command.service';
import { DevicePresenceService } from './device-presence.service';

/** Device sweeps (worker): silent devices go offline; unanswered commands time out. */
@Processor(QueueName.Housekeeping)
export class DeviceHousekeepingProcessor extends TypedProcessor<QueueName.Housekeeping> {
  protected readonly queueName = QueueName.Housekeeping;

  constructor(
    private readonly presence: DevicePresenceService,
    private readonly commands: DeviceCommandService,
  ) {
    super();
  }

  protected handlers(): JobHandlers<QueueName.Housekeeping> {
    return {
      'presence-sweep': async () => ({ offline: (await this.presence.sweepSilent()).length }),
      'command-timeout-sweep': async () => ({ timedOut: await this.commands.sweepTimeouts() }),
    };
  }
}
