import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isStaff, Principal } from '@app/core';
import type { SnapshotSections } from '@app/contracts/realtime';
import { Device } from '@app/devices';
import { toDeviceStatusPayload } from '../domain/device-status-payload';
import { SnapshotProviders } from '../registry/snapshot-providers.service';

/** A bound on one snapshot section; a site has tens to a few hundred devices. */
export const DEVICE_SNAPSHOT_LIMIT = 5000;

/** Snapshot section `devices`: online/offline of the gates and speakers of a staff member's sites. */
@Injectable()
export class DeviceStatusSnapshot implements OnModuleInit {
  constructor(
    @InjectRepository(Device) private readonly devices: Repository<Device>,
    private readonly providers: SnapshotProviders,
  ) {}

  onModuleInit(): void {
    this.providers.register('devices', (p) => this.load(p));
  }

  async load(p: Principal): Promise<Partial<SnapshotSections>> {
    // Residents do not see device presence; staff see the sites whose staff room they are in.
    if (!isStaff(p) || p.siteIds.length === 0) return {};
    const rows = await this.devices.find({
      select: { id: true, siteId: true, kind: true, name: true, online: true, onlineChangedAt: true },
      where: { siteId: In(p.siteIds), lifecycle: 'active' },
      order: { siteId: 'ASC', name: 'ASC' },
      take: DEVICE_SNAPSHOT_LIMIT,
    });
    return { devices: rows.map((d) => toDeviceStatusPayload({ deviceId: d.id, siteId: d.siteId, kind: d.kind, online: d.online, changedAt: d.onlineChangedAt, name: d.name })) };
  }
}
