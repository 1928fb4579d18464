import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AllExceptionsFilter, AppConfig, AuthGuard, CoreModule, HealthModule, HttpMetricsInterceptor } from '@app/core';
import { CommunityModule, DemoSeeder } from '@app/community';
import { DevicesModule } from '@app/devices';
import { AccessModule } from '@app/access';
import { RealtimeModule, RealtimePublisher } from '@app/realtime';
import { TicketsModule } from '@app/tickets';
import { NotificationsInboxModule } from '@app/notifications';
import { SpeakersModule } from '@app/speakers';

/** The api: REST, websocket and device ingress. Wiring only. */
@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), HealthModule, CommunityModule, DevicesModule.forApi(), AccessModule.forApi(), SpeakersModule.forApi(), RealtimeModule.forApi(), TicketsModule.forApi({ events: { useExisting: RealtimePublisher } }), NotificationsInboxModule],
      providers: [
        DemoSeeder,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
    };
  }
}
