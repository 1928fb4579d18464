import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ResidentEvents } from '@app/community';
import { AccessState } from './access-state.service';

/**
 * Directory changes that alter where a resident may enter, applied at once rather than at the
 * access state's next periodic refresh (30 s): joining or leaving a unit changes the resident's
 * building groups, so their building doors (online decisions here and, through the Redis message,
 * on every instance) and which gates' offline libraries hold their face (the state reports the
 * regrouping; facelib rescopes them). Move-outs are handled with the credentials (FaceEnrolmentService).
 */
@Injectable()
export class DirectoryChangesListener implements OnModuleInit, OnModuleDestroy {
  private stop?: () => void;

  constructor(
    private readonly events: ResidentEvents,
    private readonly state: AccessState,
  ) {}

  onModuleInit(): void {
    this.stop = this.events.onHouseholdChanged((e) => this.state.changed('person', e.residentId));
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
