import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueName, TypedProcessor } from '@app/core';
import { AnnouncementsService } from '../announcements/announcements.service';
import { SpeakerSweepService } from './speaker-sweep.service';

/** Speaker timers (worker): due deadlines, zone boundaries, announcement start and end, the sweep. */
@Processor(QueueName.SpeakerTimers)
export class SpeakerTimersProcessor extends TypedProcessor<QueueName.SpeakerTimers> {
  protected readonly queueName = QueueName.SpeakerTimers;

  constructor(
    private readonly sweeper: SpeakerSweepService,
    private readonly announcements: AnnouncementsService,
  ) {
    super();
  }

  protected handlers(): JobHandlers<QueueName.SpeakerTimers> {
    return {
      tick: async (data) => ({ changed: await this.sweeper.tick(data.speakerId) }),
      'zone-tick': async (data) => ({ changed: await this.sweeper.zoneTick(data.zoneId) }),
      'announcement-start': async (data) => {
        await this.announcements.start(data.announcementId);
        return { started: true };
      },
      'announcement-end': async (data) => {
        await this.announcements.finish(data.announcementId, data.speakerId);
        return { finished: true };
      },
      sweep: async () => this.sweeper.sweep(),
    };
  }
}
