import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, canReachSite, DomainError, isStaff, Principal } from '@app/core';
import { speakerConfigFor } from '../domain';
import { invalidRules, zoneNotFound } from '../engine/speaker-errors';
import { requireManager, staffReaches } from '../engine/speaker-access';
import { SpeakerDeviceLinks } from '../engine/speaker-device-links';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerTimers } from '../engine/speaker-timers.service';
import { nextZoneBoundary } from '../policy/zone-boundaries';
import { mergeZoneRules, mergeZoneTimings, sessionTimingsOf, zoneRulesOf } from '../policy/zone-input';
import { CreateZoneDto, UpdateZoneDto } from '../dto/speaker-dtos';
import { SpeakerZone } from './speaker-zone.entity';

export interface ZoneView {
  id: string;
  siteId: string;
  name: string;
  timeZone: string;
  rules: SpeakerZone['rules'];
  timings: SpeakerZone['timings'];
  /** The effective session timings in seconds (defaults + overrides). */
  effectiveTimings: Record<string, number>;
  speakerIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Zones: CRUD for managers, and the propagation of a change: each speaker of the zone gets the
 * new retained `config` (DeviceConfigService) and a `zoneChanged` on its state, applied live.
 */
@Injectable()
export class SpeakerZonesService {
  private readonly logger = new Logger(SpeakerZonesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SpeakerEngine,
    private readonly devices: SpeakerDeviceLinks,
    private readonly timers: SpeakerTimers,
    private readonly audit: AuditService,
  ) {}

  async create(p: Principal, dto: CreateZoneDto): Promise<ZoneView> {
    requireManager(p, dto.siteId);
    const timeZone = await this.siteTimeZone(dto.siteId);
    const rules = mergeZoneRules(null, dto.rules ?? {}, timeZone);
    if (!rules.ok) throw invalidRules(rules.problems);
    const timings = mergeZoneTimings({}, dto.timings);
    if (!timings.ok) throw invalidRules(timings.problems);
    const zone = await this.db.transaction(async (m) => {
      await this.checkNameFree(m, dto.siteId, dto.name);
      const saved = await m.getRepository(SpeakerZone).save({ siteId: dto.siteId, name: dto.name, rules: rules.rules, timings: timings.timings });
      await this.audit.record(p, { action: 'speaker.zone.create', entityType: 'speaker_zone', entityId: saved.id, siteId: dto.siteId, after: { name: dto.name, rules: rules.rules, timings: timings.timings } }, m);
      return saved;
    });
    await this.planZoneTimer(zone, timeZone);
    return this.view(zone.id);
  }

  async list(p: Principal, siteId?: string): Promise<ZoneView[]> {
    if (siteId && !canReachSite(p, siteId)) return [];
    const where = siteId ? [siteId] : p.role === 'admin' ? null : p.siteIds;
    const rows = (await this.db.query(`SELECT id FROM speaker_zones ${where ? 'WHERE "siteId" = ANY($1::uuid[])' : ''} ORDER BY name`, where ? [where] : [])) as { id: string }[];
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async get(p: Principal, id: string): Promise<ZoneView> {
    const zone = await this.db.getRepository(SpeakerZone).findOneBy({ id });
    if (!zone || !staffReaches(p, zone.siteId)) throw zoneNotFound(id);
    return this.view(id);
  }

  async update(p: Principal, id: string, dto: UpdateZoneDto): Promise<ZoneView> {
    return this.change(p, id, 'speaker.zone.update', (zone, timeZone) => {
      requireManager(p, zone.siteId);
      const rules = mergeZoneRules(zone.rules, dto.rules ?? {}, timeZone);
      if (!rules.ok) throw invalidRules(rules.problems);
      const timings = mergeZoneTimings(zone.timings ?? {}, dto.timings);
      if (!timings.ok) throw invalidRules(timings.problems);
      return { name: dto.name ?? zone.name, rules: rules.rules, timings: timings.timings };
    });
  }

  /** Staff lock (or unlock) the zone's volume: a ceiling residents cannot go above. */
  async setVolumeLock(p: Principal, id: string, level: number | null, reason?: string): Promise<ZoneView> {
    return this.change(p, id, 'speaker.zone.volume_lock', (zone, timeZone) => {
      const rules = mergeZoneRules(zone.rules, { volumeLock: level }, timeZone);
      if (!rules.ok) throw invalidRules(rules.problems);
      return { name: zone.name, rules: rules.rules, timings: zone.timings, note: reason ?? null };
    });
  }

  async remove(p: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const zone = await this.lockZone(m, p, id);
      requireManager(p, zone.siteId);
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM speakers WHERE "zoneId" = $1`, [id])) as { n: number }[];
      if (n > 0) throw new DomainError('SPEAKER_ZONE_NOT_EMPTY', 'conflict', `move its ${n} speaker(s) to another zone first`);
      await m.query(`DELETE FROM speaker_zones WHERE id = $1`, [id]);
      await this.audit.record(p, { action: 'speaker.zone.delete', entityType: 'speaker_zone', entityId: id, siteId: zone.siteId, before: { name: zone.name, rules: zone.rules } }, m);
    });
  }

  /** Pushes the zone's speaker config to each of its speakers and re-applies the rules to their state. */
  async propagate(zoneId: string, actor: Principal | null, onlySpeakerId?: string): Promise<void> {
    const zone = await this.db.getRepository(SpeakerZone).findOneBy({ id: zoneId });
    if (!zone) return;
    const timeZone = await this.siteTimeZone(zone.siteId);
    const config = speakerConfigFor(zoneRulesOf(zone.id, timeZone, zone.rules), 1);
    const { version: _version, ...body } = config;
    const speakers = (await this.db.query(`SELECT "deviceId" FROM speakers WHERE "zoneId" = $1 ${onlySpeakerId ? 'AND "deviceId" = $2' : ''}`, onlySpeakerId ? [zoneId, onlySpeakerId] : [zoneId])) as { deviceId: string }[];
    for (const { deviceId } of speakers) {
      try {
        await this.devices.config.setDesired(deviceId, body as unknown as Record<string, unknown>, actor);
      } catch (err) {
        this.logger.warn({ deviceId, zoneId }, `could not push the zone config: ${(err as Error).message}`);
      }
      await this.engine.apply(deviceId, async (step) => {
        step.reduce({ type: 'zoneChanged' });
      });
    }
    await this.planZoneTimer(zone, timeZone);
  }

  /** The zone's one timer: its next quiet/opening/music boundary (idempotent by id). */
  async planZoneTimer(zone: Pick<SpeakerZone, 'id' | 'rules'>, timeZone: string): Promise<void> {
    const at = nextZoneBoundary(zoneRulesOf(zone.id, timeZone, zone.rules), Date.now());
    if (at !== null) await this.timers.zoneTick(zone.id, at);
  }

  async view(id: string): Promise<ZoneView> {
    const [row] = (await this.db.query(
      `SELECT z.*, st.timezone, COALESCE(array_agg(s."deviceId" ORDER BY s."deviceId") FILTER (WHERE s."deviceId" IS NOT NULL), '{}') AS "speakerIds"
       FROM speaker_zones z JOIN sites st ON st.id = z."siteId" LEFT JOIN speakers s ON s."zoneId" = z.id WHERE z.id = $1 GROUP BY z.id, st.timezone`,
      [id],
    )) as (SpeakerZone & { timezone: string; speakerIds: string[] })[];
    if (!row) throw zoneNotFound(id);
    const timings = sessionTimingsOf(row.timings ?? {});
    return {
      id: row.id,
      siteId: row.siteId,
      name: row.name,
      timeZone: row.timezone,
      rules: row.rules,
      timings: row.timings ?? {},
      effectiveTimings: {
        pairingSeconds: timings.pairingMs / 1000,
        claimSeconds: timings.claimMs / 1000,
        warningSeconds: timings.warningMs / 1000,
        reconnectGraceSeconds: timings.reconnectGraceMs / 1000,
      },
      speakerIds: row.speakerIds,
      version: row.version,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  async siteTimeZone(siteId: string): Promise<string> {
    const [site] = (await this.db.query(`SELECT timezone FROM sites WHERE id = $1`, [siteId])) as { timezone: string }[];
    if (!site) throw DomainError.notFound('site', siteId);
    return site.timezone;
  }

  private async change(
    p: Principal,
    id: string,
    action: string,
    next: (zone: SpeakerZone, timeZone: string) => Pick<SpeakerZone, 'name' | 'rules' | 'timings'> & { note?: string | null },
  ): Promise<ZoneView> {
    await this.db.transaction(async (m) => {
      const zone = await this.lockZone(m, p, id);
      const changed = next(zone, await this.siteTimeZone(zone.siteId));
      if (changed.name !== zone.name) await this.checkNameFree(m, zone.siteId, changed.name, id);
      await m.query(`UPDATE speaker_zones SET name = $2, rules = $3, timings = $4, version = version + 1, "updatedAt" = now() WHERE id = $1`, [
        id,
        changed.name,
        JSON.stringify(changed.rules),
        JSON.stringify(changed.timings),
      ]);
      await this.audit.record(
        p,
        {
          action,
          entityType: 'speaker_zone',
          entityId: id,
          siteId: zone.siteId,
          before: { name: zone.name, rules: zone.rules, timings: zone.timings },
          after: { name: changed.name, rules: changed.rules, timings: changed.timings, ...(changed.note ? { note: changed.note } : {}) },
        },
        m,
      );
    });
    await this.propagate(id, p);
    return this.view(id);
  }

  private async lockZone(m: EntityManager, p: Principal, id: string): Promise<SpeakerZone> {
    const [zone] = (await m.query(`SELECT * FROM speaker_zones WHERE id = $1 FOR UPDATE`, [id])) as SpeakerZone[];
    if (!zone || !isStaff(p) || !canReachSite(p, zone.siteId)) throw zoneNotFound(id);
    return zone;
  }

  private async checkNameFree(m: EntityManager, siteId: string, name: string, exceptId?: string): Promise<void> {
    const [clash] = (await m.query(`SELECT id FROM speaker_zones WHERE "siteId" = $1 AND name = $2 AND id <> COALESCE($3::uuid, '00000000-0000-0000-0000-000000000000')`, [
      siteId,
      name,
      exceptId ?? null,
    ])) as { id: string }[];
    if (clash) throw new DomainError('SPEAKER_ZONE_NAME_TAKEN', 'conflict', `the site already has a zone named "${name}"`);
  }
}
