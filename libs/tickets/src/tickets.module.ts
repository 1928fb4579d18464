import { DynamicModule, InjectionToken, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import { APP_CONFIG, AppConfig } from '@app/core';
import { NotificationsModule } from '@app/notifications';
import { ATTACHMENT_STORAGE, DiskAttachmentStorage } from './attachments/attachment-storage';
import { TicketAttachmentsController } from './attachments/ticket-attachments.controller';
import { TicketAttachmentsService } from './attachments/ticket-attachments.service';
import { TicketMetricsController } from './metrics/ticket-metrics.controller';
import { TicketMetricsService } from './metrics/ticket-metrics.service';
import { TicketLiveEvents } from './events/ticket-live-events.service';
import { NOOP_TICKET_EVENTS_SINK, TICKET_EVENTS_SINK } from './events/ticket-events-sink';
import { TicketRealtimeRegistration } from './events/ticket-realtime.registration';
import { MaintenanceOccurrences } from './maintenance/maintenance-occurrences.service';
import { MaintenancePlansController } from './maintenance/maintenance-plans.controller';
import { MaintenancePlansService } from './maintenance/maintenance-plans.service';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceReconciler } from './maintenance/maintenance-reconciler';
import { MaintenanceSchedules } from './maintenance/maintenance-schedules.service';
import { RecipientsService } from './notifications/recipients.service';
import { TicketSettingsController } from './settings/ticket-settings.controller';
import { TicketSettingsService } from './settings/ticket-settings.service';
import { SlaJobsService } from './sla/sla-jobs.service';
import { TicketSlaSweepScheduler } from './sla/ticket-sla-sweep.scheduler';
import { TicketSlaProcessor } from './sla/ticket-sla.processor';
import { TicketSlaService } from './sla/ticket-sla.service';
import { TICKETS_ENTITIES } from './tickets-entities';
import { HouseholdLookup } from './tickets/household-lookup.service';
import { TicketAssignmentService } from './tickets/ticket-assignment.service';
import { TicketCreateService } from './tickets/ticket-create.service';
import { TicketFeedbackService } from './tickets/ticket-feedback.service';
import { TicketQueryService } from './tickets/ticket-query.service';
import { TicketWorkflowService } from './tickets/ticket-workflow.service';
import { TicketWriter } from './tickets/ticket-writer.service';
import { TicketsController } from './tickets/tickets.controller';

export interface TicketsModuleOptions {
  /**
   * Where live events go: a provider with `toRoom(room, event, payload)` (the realtime module's
   * publisher) and the modules that provide it. Without it, changes are stored and not pushed.
   */
  events?: { imports?: ModuleMetadata['imports']; useExisting: InjectionToken };
}

const SHARED_PROVIDERS: Provider[] = [
  TicketSettingsService,
  RecipientsService,
  TicketLiveEvents,
  SlaJobsService,
  TicketWriter,
  HouseholdLookup,
  TicketAssignmentService,
  TicketCreateService,
  TicketWorkflowService,
  TicketFeedbackService,
  TicketQueryService,
  TicketSlaService,
  MaintenanceSchedules,
];

function sinkProvider(options: TicketsModuleOptions): Provider {
  return options.events ? { provide: TICKET_EVENTS_SINK, useExisting: options.events.useExisting } : { provide: TICKET_EVENTS_SINK, useValue: NOOP_TICKET_EVENTS_SINK };
}

/**
 * Property tickets. The api hosts the REST endpoints (resident flow, staff console, settings);
 * notifications go to the shared inbox (@app/notifications); the worker hosts the SLA timers, auto-close and maintenance schedules.
 */
@Module({})
export class TicketsModule {
  static forApi(options: TicketsModuleOptions = {}): DynamicModule {
    return {
      module: TicketsModule,
      imports: [
        TypeOrmModule.forFeature(TICKETS_ENTITIES),
        NotificationsModule,
        // Uploads stay in memory (size-capped) until their type is checked, then go to the storage.
        MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ storage: memoryStorage(), limits: { fileSize: c.uploads.maxBytes, files: 1 } }) }),
        ...(options.events?.imports ?? []),
      ],
      // Metrics and attachments first: their paths must not fall into `tickets/:id`.
      controllers: [TicketMetricsController, TicketAttachmentsController, TicketSettingsController, MaintenancePlansController, TicketsController],
      providers: [
        ...SHARED_PROVIDERS,
        sinkProvider(options),
        TicketRealtimeRegistration,
        MaintenancePlansService,
        TicketMetricsService,
        TicketAttachmentsService,
        { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new DiskAttachmentStorage(c.uploads.dir) },
      ],
      exports: [TicketQueryService, TicketCreateService],
    };
  }

  static forWorker(options: TicketsModuleOptions = {}): DynamicModule {
    return {
      module: TicketsModule,
      imports: [TypeOrmModule.forFeature(TICKETS_ENTITIES), NotificationsModule, ...(options.events?.imports ?? [])],
      providers: [...SHARED_PROVIDERS, sinkProvider(options), TicketSlaProcessor, TicketSlaSweepScheduler, MaintenanceOccurrences, MaintenanceProcessor, MaintenanceReconciler],
      exports: [TicketSlaService, TicketCreateService],
    };
  }
}
