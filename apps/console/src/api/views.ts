// What the api answers, typed by the server's own view interfaces (type-only imports, erased at build):
// the OpenAPI document types requests fully but not responses, so responses come from the source.
// `Json<T>` is what those interfaces look like after JSON (Dates become ISO strings).
import type { PublicUser, TokenPair } from '@app/community/auth/auth.service';
import type { Household } from '@app/community/directory/household.service';
import type { StaffView as ServerStaffView } from '@app/community/directory/staff.service';
import type { Site as ServerSite } from '@app/community/directory/site.entity';
import type { Building as ServerBuilding } from '@app/community/directory/building.entity';
import type { AccessEventView } from '@app/access/log/dto/access-event-query.dto';
import type { AlarmView } from '@app/access/alarms/dto/alarm.dto';
import type { GateSettingsView, RemoteOpenView, SiteModeView } from '@app/access/gates/dto/gates.dto';
import type { CreatedVisitorPass, VisitorPassViewDto } from '@app/access/passes/dto/visitor-pass.dto';
import type { FaceStatusView } from '@app/access/faces/dto/face.dto';
import type { MyQrView } from '@app/access/credentials/my-qr.controller';
import type { DeviceView } from '@app/devices/registry/dto/device.dto';
import type { TicketDetailView, TicketSummaryView } from '@app/tickets/tickets/ticket-views';
import type { TicketFullView } from '@app/tickets/tickets/ticket-query.service';
import type { CommentView } from '@app/tickets/tickets/ticket-feedback.service';
import type { TicketMetrics } from '@app/tickets/metrics/ticket-metrics.service';
import type { NotificationView } from '@app/notifications/notifications.service';
import type { SpeakerView } from '@app/speakers/policy/speaker-view';
import type { ZoneView } from '@app/speakers/zones/speaker-zones.service';
import type { SessionView } from '@app/speakers/sessions/speaker-sessions.service';
import type { AnnouncementView } from '@app/speakers/announcements/announcements.service';
import type { Page as ServerPage } from '@app/core/http/pagination';

/** A server type as it arrives over JSON. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
      : T;

export type Page<T> = Json<ServerPage<T>>;
export type Session = Json<TokenPair>;
export type Me = Json<PublicUser>;
export type MyHousehold = Json<Household>;
export type StaffMember = Json<ServerStaffView>;
export type Site = Json<ServerSite>;
export type Building = Json<ServerBuilding>;
export type AccessEvent = Json<AccessEventView>;
export type Alarm = Json<AlarmView>;
export type GateSettings = Json<GateSettingsView>;
export type SiteMode = Json<SiteModeView>;
export type RemoteOpen = Json<RemoteOpenView>;
export type VisitorPass = Json<VisitorPassViewDto>;
export type NewVisitorPass = Json<CreatedVisitorPass>;
export type FaceStatus = Json<FaceStatusView>;
export type MyQr = Json<MyQrView>;
export type Device = Json<DeviceView>;
export type TicketSummary = Json<TicketSummaryView>;
export type TicketDetail = Json<TicketDetailView>;
export type TicketFull = Json<TicketFullView>;
export type TicketComment = Json<CommentView>;
export type TicketCounts = { counts: Record<TicketSummary['status'], number>; total: number };
export type Metrics = Json<TicketMetrics>;
export type Notification = Json<NotificationView>;
export type Speaker = Json<SpeakerView>;
export type Zone = Json<ZoneView>;
export type SpeakerSession = Json<SessionView>;
export type Announcement = Json<AnnouncementView>;
