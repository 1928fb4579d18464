import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RedisService } from '@app/core';
import type { DeviceKind } from '@app/contracts';
import { Device } from './device.entity';

export interface DeviceInfo {
  id: string;
  kind: DeviceKind;
  siteId: string;
  buildingId: string | null;
  name: string;
}

const CHANNEL = 'devices.changed';

/**
 * Every active device in memory, so ingestion can check a topic's device without a query. Loaded at
 * start and kept fresh across instances: a change publishes the device id on Redis and each
 * instance reloads that one row.
 */
@Injectable()
export class DeviceDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeviceDirectory.name);
  private readonly devices = new Map<string, DeviceInfo>();
  private unsubscribe?: () => Promise<void>;

  constructor(
    @InjectRepository(Device) private readonly repo: Repository<Device>,
    private readonly redis: RedisService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.redis.subscribe(CHANNEL, (id) => void this.reload(id));
    const rows = await this.repo.find({ where: { lifecycle: 'active' } });
    for (const d of rows) this.devices.set(d.id, toInfo(d));
    this.logger.log(`loaded ${rows.length} active devices`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  /** The active device with this id, or undefined (unknown or decommissioned). */
  get(id: string): DeviceInfo | undefined {
    return this.devices.get(id);
  }

  bySite(siteId: string, kind?: DeviceKind): DeviceInfo[] {
    return [...this.devices.values()].filter((d) => d.siteId === siteId && (!kind || d.kind === kind));
  }

  /** Tells every instance (this one included) that a device changed. */
  async changed(id: string): Promise<void> {
    await this.reload(id);
    await this.redis.publish(CHANNEL, id);
  }

  private async reload(id: string): Promise<void> {
    try {
      const d = await this.repo.findOneBy({ id });
      if (d && d.lifecycle === 'active') this.devices.set(id, toInfo(d));
      else this.devices.delete(id);
    } catch (err) {
      this.logger.warn(`could not reload device ${id}: ${(err as Error).message}`);
    }
  }
}

function toInfo(d: Device): DeviceInfo {
  return { id: d.id, kind: d.kind, siteId: d.siteId, buildingId: d.buildingId, name: d.name };
}
