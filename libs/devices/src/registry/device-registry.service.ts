import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AuditService, canReachSite, decodeCursor, DomainError, Page, Principal, toPage } from '@app/core';
import { BROKER_ACCOUNTS, BrokerAccounts } from '../broker/broker-accounts';
import { Device } from './device.entity';
import { DevicePresenceService } from '../presence/device-presence.service';
import { DeviceDirectory } from './device-directory.service';
import { CreateDeviceDto, DeviceCredentials, DeviceView, ListDevicesQueryDto } from './dto/device.dto';

// Device secrets are 192 random bits, so a plain SHA-256 is enough to store them (unlike passwords,
// there is nothing to brute-force), and checking one costs nothing on a reconnect storm.
const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class DeviceRegistry {
  constructor(
    @InjectRepository(Device) private readonly repo: Repository<Device>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BROKER_ACCOUNTS) private readonly broker: BrokerAccounts,
    private readonly directory: DeviceDirectory,
    private readonly audit: AuditService,
    private readonly presence: DevicePresenceService,
  ) {}

  async provision(actor: Principal, dto: CreateDeviceDto): Promise<DeviceView & { credentials: DeviceCredentials }> {
    if (!canReachSite(actor, dto.siteId)) throw DomainError.notFound('site', dto.siteId);
    const [site] = (await this.db.query('SELECT id FROM sites WHERE id = $1', [dto.siteId])) as { id: string }[];
    if (!site) throw DomainError.notFound('site', dto.siteId);
    if (dto.buildingId) {
      const [b] = (await this.db.query('SELECT id FROM buildings WHERE id = $1 AND "siteId" = $2', [dto.buildingId, dto.siteId])) as { id: string }[];
      if (!b) throw DomainError.badRequest('buildingId is not a building of this site', [{ field: 'buildingId', reason: 'not a building of the site' }]);
    }
    const id = `${dto.kind}-${randomBytes(5).toString('hex')}`;
    const password = newSecret();
    // Broker first: if it refuses, no half-provisioned device is left in the registry.
    await this.broker.provision(id, dto.kind, password);
    const device = await this.db.transaction(async (m) => {
      const d = await m.getRepository(Device).save({
        id,
        kind: dto.kind,
        siteId: dto.siteId,
        buildingId: dto.buildingId ?? null,
        name: dto.name,
        location: dto.location ?? '',
        secretHash: hashSecret(password),
      });
      await this.audit.record(actor, { action: 'device.provision', entityType: 'device', entityId: id, siteId: dto.siteId, after: { kind: dto.kind, name: dto.name } }, m);
      return d;
    });
    await this.directory.changed(id);
    const saved = await this.repo.findOneByOrFail({ id: device.id });
    return { ...toView(saved), credentials: { clientId: id, username: id, password } };
  }

  async list(actor: Principal, q: ListDevicesQueryDto): Promise<Page<DeviceView>> {
    const limit = q.limit ?? 50;
    const qb = this.repo.createQueryBuilder('d').orderBy('d.id', 'ASC').take(limit + 1);
    if (q.siteId) {
      if (!canReachSite(actor, q.siteId)) return { items: [], nextCursor: null };
      qb.andWhere('d.siteId = :siteId', { siteId: q.siteId });
    } else if (actor.role !== 'admin') {
      qb.andWhere('d.siteId = ANY(:sites)', { sites: actor.siteIds });
    }
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    if (q.online !== undefined) qb.andWhere('d.online = :online', { online: q.online });
    if (!q.includeDecommissioned) qb.andWhere(`d.lifecycle = 'active'`);
    const after = decodeCursor(q.cursor);
    if (after) qb.andWhere('d.id > :after', { after: after.id });
    const page = toPage(await qb.getMany(), limit, (d) => ({ v: d.id, id: d.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  async get(actor: Principal, id: string): Promise<DeviceView> {
    return toView(await this.reachable(actor, id));
  }

  async rotateCredentials(actor: Principal, id: string): Promise<DeviceView & { credentials: DeviceCredentials }> {
    const device = await this.reachable(actor, id);
    if (device.lifecycle !== 'active') throw new DomainError('DEVICE_DECOMMISSIONED', 'conflict', `device ${id} is decommissioned`);
    const password = newSecret();
    await this.broker.setPassword(id, password);
    await this.db.transaction(async (m) => {
      await m.getRepository(Device).update({ id }, { secretHash: hashSecret(password), credentialsVersion: () => '"credentialsVersion" + 1' });
      await this.audit.record(actor, { action: 'device.rotate_credentials', entityType: 'device', entityId: id, siteId: device.siteId }, m);
    });
    const saved = await this.repo.findOneByOrFail({ id });
    return { ...toView(saved), credentials: { clientId: id, username: id, password } };
  }

  async decommission(actor: Principal, id: string): Promise<DeviceView> {
    const device = await this.reachable(actor, id);
    if (device.lifecycle === 'decommissioned') return toView(device);
    await this.broker.remove(id);
    await this.db.transaction(async (m) => {
      await m.getRepository(Device).update({ id }, { lifecycle: 'decommissioned', decommissionedAt: new Date() });
      await this.audit.record(actor, { action: 'device.decommission', entityType: 'device', entityId: id, siteId: device.siteId }, m);
    });
    // Through presence, so the transition is recorded in the history and pushed live like any other.
    await this.presence.markOffline(id, 'decommissioned');
    await this.directory.changed(id);
    return toView(await this.repo.findOneByOrFail({ id }));
  }

  /** True when `secret` is the device's current secret (for brokers that ask the backend). */
  async verifySecret(id: string, secret: string): Promise<boolean> {
    const d = await this.repo.createQueryBuilder('d').addSelect('d.secretHash').where('d.id = :id', { id }).getOne();
    if (!d || d.lifecycle !== 'active') return false;
    const a = Buffer.from(d.secretHash);
    const b = Buffer.from(hashSecret(secret));
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Staff reach their sites' devices; anything else is "not found" (no existence leak). */
  private async reachable(actor: Principal, id: string): Promise<Device> {
    const d = await this.repo.findOneBy({ id });
    if (!d || !canReachSite(actor, d.siteId)) throw DomainError.notFound('device', id);
    return d;
  }
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function toView(d: Device): DeviceView {
  return {
    id: d.id,
    kind: d.kind,
    siteId: d.siteId,
    buildingId: d.buildingId,
    name: d.name,
    location: d.location,
    lifecycle: d.lifecycle,
    online: d.online,
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    firmware: d.firmware,
    desiredConfigVersion: d.desiredConfigVersion,
    reportedConfigVersion: d.reportedConfigVersion,
    configDrift: d.desiredConfigVersion > 0 && d.reportedConfigVersion !== d.desiredConfigVersion,
    credentialsVersion: d.credentialsVersion,
    createdAt: d.createdAt.toISOString(),
    decommissionedAt: d.decommissionedAt?.toISOString() ?? null,
  };
}
