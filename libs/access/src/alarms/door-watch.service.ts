import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RedisService } from '@app/core';
import type { DeviceEventContext } from '@app/devices';
import { ScanClaims } from '../gate/scan-claims.service';
import { DeviceLinks } from '../links/device-links';
import { AccessState } from '../state/access-state.service';
import { AccessAlarmsService } from './access-alarms.service';

const DEFAULT_HELD_OPEN_SECONDS = 60;

/**
 * Gate events that become alarms: the gate's own `alarm` events, a door opening with no entry
 * granted in the moments before (forced), and a door left open longer than the gate's
 * heldOpenSeconds. Which door is open is kept in Redis, so an `open` handled by one api instance and
 * the `closed` by another still pair up.
 */
@Injectable()
export class DoorWatchService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DoorWatchService.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly links: DeviceLinks,
    private readonly redis: RedisService,
    private readonly claims: ScanClaims,
    private readonly state: AccessState,
    private readonly alarms: AccessAlarmsService,
  ) {}

  onModuleInit(): void {
    this.links.dispatcher.on('alarm', (ctx) => this.onAlarm(ctx));
    this.links.dispatcher.on('door.state', (ctx) => this.onDoor(ctx));
  }

  onModuleDestroy(): void {
    this.timers.forEach((t) => clearTimeout(t));
  }

  async onAlarm(ctx: DeviceEventContext<'alarm'>): Promise<Record<string, unknown>> {
    const { kind, detail } = ctx.event.data;
    const r = await this.alarms.raise({ siteId: ctx.device.siteId, deviceId: ctx.device.id, kind, detail: detail ?? null, sourceEventId: ctx.event.id, at: ctx.receivedAt });
    return { alarmId: r.id, alarmRaised: r.raised };
  }

  async onDoor(ctx: DeviceEventContext<'door.state'>): Promise<Record<string, unknown>> {
    const deviceId = ctx.device.id;
    const key = `access:door-open:${deviceId}`;
    if (ctx.event.data.state === 'closed') {
      await this.redis.client.del(key);
      return { door: 'closed' };
    }
    await this.redis.client.set(key, ctx.event.id, 'PX', 24 * 3600 * 1000);
    const settings = this.state.settings(deviceId);
    const seconds = settings?.heldOpenSeconds ?? DEFAULT_HELD_OPEN_SECONDS;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.checkHeldOpen(ctx, key, seconds).catch((err: Error) => this.logger.warn(`held-open check of ${deviceId}: ${err.message}`));
    }, seconds * 1000);
    timer.unref();
    this.timers.add(timer);
    // In emergency_open the doors stand open by design; otherwise an opening needs a recent grant.
    if (settings?.mode !== 'emergency_open' && !(await this.claims.recentlyGranted(deviceId))) {
      const r = await this.alarms.raise({ siteId: ctx.device.siteId, deviceId, kind: 'forced_open', detail: 'door opened without an entry granted', sourceEventId: ctx.event.id, at: ctx.receivedAt });
      return { door: 'open', alarmId: r.id, alarmRaised: r.raised };
    }
    return { door: 'open' };
  }

  private async checkHeldOpen(ctx: DeviceEventContext<'door.state'>, key: string, seconds: number): Promise<void> {
    // Still the same opening: nobody closed it (and no newer opening restarted the clock).
    if ((await this.redis.client.get(key)) !== ctx.event.id) return;
    await this.alarms.raise({ siteId: ctx.device.siteId, deviceId: ctx.device.id, kind: 'held_open', detail: `door open for more than ${seconds} s`, sourceEventId: ctx.event.id });
  }
}
