import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { AnnouncementPlanner } from './announcements/announcement-planner';
import { AnnouncementStatusService } from './announcements/announcement-status.service';
import { AnnouncementsController } from './announcements/announcements.controller';
import { AnnouncementsService } from './announcements/announcements.service';
import { SpeakerBansController } from './control/speaker-bans.controller';
import { SpeakerControlService } from './control/speaker-control.service';
import { SpeakerDeviceEventsRegistration } from './devices/speaker-device-events.registration';
import { SpeakerPresenceListener } from './devices/speaker-presence.listener';
import { EffectRunner } from './engine/effect-runner.service';
import { SessionRecords } from './engine/session-records';
import { SpeakerEngine } from './engine/speaker-engine.service';
import { SpeakerDeviceLinks } from './engine/speaker-device-links';
import { SpeakerLive } from './engine/speaker-live.service';
import { SpeakerNotices } from './engine/speaker-notices';
import { SpeakerStore } from './engine/speaker-store';
import { SpeakerTimers } from './engine/speaker-timers.service';
import { SpeakerRealtimeRegistration } from './realtime/speaker-realtime.registration';
import { SpeakerSessionsController } from './sessions/speaker-sessions.controller';
import { SpeakerSessionsService } from './sessions/speaker-sessions.service';
import { SpeakersController } from './speakers/speakers.controller';
import { SpeakersService } from './speakers/speakers.service';
import { SPEAKERS_ENTITIES } from './speakers-entities';
import { SpeakerSweepScheduler } from './timers/speaker-sweep.scheduler';
import { SpeakerSweepService } from './timers/speaker-sweep.service';
import { SpeakerTimersProcessor } from './timers/speaker-timers.processor';
import { SpeakerZonesController } from './zones/speaker-zones.controller';
import { SpeakerZonesService } from './zones/speaker-zones.service';

// Needs DevicesModule (commands, config, presence, events) loaded in the same app (looked up through
// SpeakerDeviceLinks); RealtimeModule is optional (without it nothing is pushed live).
const SHARED: Provider[] = [
  SpeakerDeviceLinks,
  SpeakerStore,
  SessionRecords,
  SpeakerTimers,
  SpeakerLive,
  SpeakerNotices,
  AnnouncementStatusService,
  AnnouncementPlanner,
  EffectRunner,
  SpeakerEngine,
  AnnouncementsService,
  SpeakerPresenceListener,
];

/**
 * Community speakers. The api hosts the REST endpoints, the device-event handlers and the realtime
 * topics; the worker hosts the timers (BullMQ delayed jobs) and the sweep. Both apply presence
 * changes and announcement command results, whichever process records them.
 */
@Module({})
export class SpeakersModule {
  static forApi(): DynamicModule {
    return {
      module: SpeakersModule,
      imports: [TypeOrmModule.forFeature(SPEAKERS_ENTITIES), NotificationsModule],
      controllers: [SpeakerZonesController, SpeakersController, SpeakerSessionsController, SpeakerBansController, AnnouncementsController],
      providers: [
        ...SHARED,
        SpeakerZonesService,
        SpeakersService,
        SpeakerSessionsService,
        SpeakerControlService,
        SpeakerDeviceEventsRegistration,
        SpeakerRealtimeRegistration,
      ],
      exports: [SpeakerEngine, SpeakersService],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: SpeakersModule,
      imports: [TypeOrmModule.forFeature(SPEAKERS_ENTITIES), NotificationsModule],
      providers: [...SHARED, SpeakerSweepService, SpeakerTimersProcessor, SpeakerSweepScheduler],
      exports: [SpeakerEngine, SpeakerSweepService],
    };
  }
}
