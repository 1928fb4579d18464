import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityModule } from '@app/community';
import { NotificationsModule } from '@app/notifications';
import { ACCESS_ENTITIES } from './access-entities';
import { AccessAlarmsService } from './alarms/access-alarms.service';
import { AlarmRealtimeRegistration } from './alarms/alarm-realtime.registration';
import { AlarmsController } from './alarms/alarms.controller';
import { DoorWatchService } from './alarms/door-watch.service';
import { GatePresenceWatch } from './alarms/gate-presence.watch';
import { MyQrController } from './credentials/my-qr.controller';
import { DemoFacesSeeder } from './faces/demo-faces.seeder';
import { FaceEnrolmentService } from './faces/face-enrolment.service';
import { FacesController } from './faces/faces.controller';
import { FacelibSyncService } from './facelib/facelib-sync.service';
import { AccessLiveEvents } from './gate/access-live-events';
import { AccessMetrics } from './gate/access-metrics';
import { GateDecisionService } from './gate/gate-decision.service';
import { ScanClaims } from './gate/scan-claims.service';
import { GateModesService } from './gates/gate-modes.service';
import { GatesController } from './gates/gates.controller';
import { RemoteOpenService } from './gates/remote-open.service';
import { DeviceLinks } from './links/device-links';
import { AccessLogController } from './log/access-log.controller';
import { AccessLogService } from './log/access-log.service';
import { VisitorPassUses } from './passes/visitor-pass-uses';
import { SiteAccessPoliciesController } from './policies/site-access-policies.controller';
import { SiteAccessPoliciesService } from './policies/site-access-policies.service';
import { VisitorPassesController } from './passes/visitor-passes.controller';
import { VisitorPassesService } from './passes/visitor-passes.service';
import { AccessDirectoryReader } from './state/access-directory.reader';
import { AccessState } from './state/access-state.service';
import { DirectoryChangesListener } from './state/directory-changes.listener';

/**
 * Face entry at the gates. The api hosts the decision hot path (device event handlers over the
 * in-memory state), enrolment, credentials, visitor passes, gate modes, remote opens, alarms and
 * the access log. The worker watches gate presence (the silence sweep runs there) for offline alarms.
 * Needs the devices module (either flavour) and the realtime publisher in the same app.
 */
@Module({})
export class AccessModule {
  static forApi(): DynamicModule {
    return {
      module: AccessModule,
      imports: [TypeOrmModule.forFeature(ACCESS_ENTITIES), CommunityModule, NotificationsModule],
      controllers: [FacesController, MyQrController, VisitorPassesController, AccessLogController, GatesController, AlarmsController, SiteAccessPoliciesController],
      providers: [
        DeviceLinks,
        AccessDirectoryReader,
        AccessState,
        DirectoryChangesListener,
        ScanClaims,
        AccessMetrics,
        AccessLiveEvents,
        VisitorPassUses,
        GateDecisionService,
        FacelibSyncService,
        FaceEnrolmentService,
        DemoFacesSeeder,
        VisitorPassesService,
        AccessLogService,
        GateModesService,
        RemoteOpenService,
        SiteAccessPoliciesService,
        AccessAlarmsService,
        DoorWatchService,
        GatePresenceWatch,
        AlarmRealtimeRegistration,
      ],
      exports: [AccessState, AccessLogService],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: AccessModule,
      imports: [TypeOrmModule.forFeature(ACCESS_ENTITIES)],
      providers: [DeviceLinks, AccessAlarmsService, GatePresenceWatch],
    };
  }
}
