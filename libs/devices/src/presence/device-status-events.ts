import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { DeviceKind } from '@app/contracts';
import type { PresenceReason } from './device-presence-change.entity';

/** One online/offline transition, emitted after it was committed (exactly once across instances). */
export interface DeviceStatusChange {
  deviceId: string;
  siteId: string;
  kind: DeviceKind;
  online: boolean;
  reason: PresenceReason;
  at: Date;
}

/**
 * The seam the realtime module plugs into to push presence to staff. Emitted by whichever process
 * recorded the transition (an api instance, or the worker for the silence sweep).
 */
@Injectable()
export class DeviceStatusEvents implements OnApplicationShutdown {
  readonly changes$ = new Subject<DeviceStatusChange>();

  emit(change: DeviceStatusChange): void {
    this.changes$.next(change);
  }

  onApplicationShutdown(): void {
    this.changes$.complete();
  }
}
