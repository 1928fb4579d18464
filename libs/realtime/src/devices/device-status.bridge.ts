import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Subscription } from 'rxjs';
import { staffRoom } from '@app/contracts/realtime';
import { DeviceStatusEvents } from '@app/devices/presence/device-status-events';
import { toDeviceStatusPayload } from '../domain/device-status-payload';
import { RealtimePublisher } from '../publisher/realtime-publisher.service';

/**
 * Pushes device presence to staff: every committed online/offline transition becomes a
 * `device.status` in `staff:<siteId>`. Runs wherever transitions are recorded (api: status and
 * telemetry; worker: the silence sweep). Looked up loosely so realtime does not need to know
 * which flavour of the devices module the app loaded.
 */
@Injectable()
export class DeviceStatusBridge implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeviceStatusBridge.name);
  private subscription?: Subscription;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly publisher: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    let events: DeviceStatusEvents;
    try {
      events = this.moduleRef.get(DeviceStatusEvents, { strict: false });
    } catch {
      this.logger.warn('DeviceStatusEvents is not provided in this app: device.status will not be pushed');
      return;
    }
    this.subscription = events.changes$.subscribe((c) =>
      this.publisher.toRoom(staffRoom(c.siteId), 'device.status', toDeviceStatusPayload({ deviceId: c.deviceId, siteId: c.siteId, kind: c.kind, online: c.online, changedAt: c.at, reason: c.reason })),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
