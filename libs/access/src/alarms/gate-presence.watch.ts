import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import type { GateMode } from '@app/contracts';
import { DeviceLinks } from '../links/device-links';
import { AccessAlarmsService } from './access-alarms.service';

/**
 * Gate presence (both apps: the api records births and wills, the worker the silence sweep): a
 * gate going offline raises an `offline` alarm, coming back resolves it and re-sends its mode if
 * the site is not in normal mode (a gate.mode sent while it was away was lost).
 */
@Injectable()
export class GatePresenceWatch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GatePresenceWatch.name);
  private subscription?: Subscription;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: DeviceLinks,
    private readonly alarms: AccessAlarmsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.links.statusEvents.changes$.subscribe((c) => {
      if (c.kind !== 'gate') return;
      const work = c.online ? this.online(c.deviceId) : this.alarms.raise({ siteId: c.siteId, deviceId: c.deviceId, kind: 'offline', detail: `offline (${c.reason})`, at: c.at });
      void work.catch((err: Error) => this.logger.warn(`presence of ${c.deviceId}: ${err.message}`));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async online(deviceId: string): Promise<void> {
    await this.alarms.resolveBySystem(deviceId, 'offline', 'back online');
    const [gate] = (await this.db.query(`SELECT mode FROM access_gates WHERE "deviceId" = $1`, [deviceId])) as { mode: GateMode }[];
    if (gate && gate.mode !== 'normal') await this.links.commands.send(deviceId, 'gate.mode', { mode: gate.mode });
  }
}
