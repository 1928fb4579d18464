import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { canReachSite, DomainError, Principal } from '@app/core';
import { DeviceAction, mayOperateDevice } from '../domain/device-scope';
import { Device } from '../registry/device.entity';

/** Loads a device for an operation by a principal: another site's device is "not found" (no existence leak). */
@Injectable()
export class DeviceScope {
  constructor(@InjectRepository(Device) private readonly repo: Repository<Device>) {}

  async find(p: Principal, deviceId: string, action: DeviceAction): Promise<Device> {
    const device = await this.repo.findOneBy({ id: deviceId });
    if (!device || !canReachSite(p, device.siteId)) throw DomainError.notFound('device', deviceId);
    if (!mayOperateDevice(p, device.siteId, action)) throw DomainError.forbidden();
    return device;
  }
}
