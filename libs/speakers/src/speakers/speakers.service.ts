import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, DomainError, isStaff, Principal } from '@app/core';
import { initialSpeakerState } from '../domain';
import { LockedSpeaker } from '../engine/locked-speaker';
import { SpeakerDeviceLinks } from '../engine/speaker-device-links';
import { requireManager, seesSite } from '../engine/speaker-access';
import { speakerNotFound, zoneNotFound } from '../engine/speaker-errors';
import { SpeakerStore } from '../engine/speaker-store';
import { speakerView, SpeakerView, SpeakerViewer } from '../policy/speaker-view';
import { SpeakerZonesService } from '../zones/speaker-zones.service';

/** Speakers: placing a speaker device in a zone, and the live views (staff see who; residents "in use"). */
@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: SpeakerStore,
    private readonly zones: SpeakerZonesService,
    private readonly devices: SpeakerDeviceLinks,
    private readonly audit: AuditService,
  ) {}

  /** Puts a speaker in a zone (first time: creates its live state); pushes the zone's config to it. */
  async assign(p: Principal, deviceId: string, zoneId: string): Promise<SpeakerView> {
    const [device] = (await this.db.query(`SELECT id, kind, "siteId", lifecycle, online FROM devices WHERE id = $1`, [deviceId])) as {
      id: string;
      kind: string;
      siteId: string;
      lifecycle: string;
      online: boolean;
    }[];
    if (!device || device.lifecycle !== 'active' || !isStaff(p) || !canReachSite(p, device.siteId)) throw speakerNotFound(deviceId);
    if (device.kind !== 'speaker') throw new DomainError('SPEAKER_NOT_A_SPEAKER', 'bad_request', `device ${deviceId} is a ${device.kind}, not a speaker`);
    const [zone] = (await this.db.query(`SELECT id, "siteId" FROM speaker_zones WHERE id = $1`, [zoneId])) as { id: string; siteId: string }[];
    if (!zone || !canReachSite(p, zone.siteId)) throw zoneNotFound(zoneId);
    requireManager(p, zone.siteId);
    if (zone.siteId !== device.siteId) throw new DomainError('SPEAKER_ZONE_OTHER_SITE', 'bad_request', 'the zone belongs to another site than the speaker');
    await this.db.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO speakers ("deviceId", "siteId", "zoneId", state, version) VALUES ($1, $2, $3, $4, 1) ON CONFLICT ("deviceId") DO NOTHING RETURNING "deviceId"`,
        [deviceId, device.siteId, zoneId, JSON.stringify(initialSpeakerState(deviceId, zoneId, device.online))],
      )) as unknown[];
      if (inserted.length === 0) {
        // Moving zones: the state follows (its zoneChanged re-applies the new rules below).
        await m.query(`SELECT 1 FROM speakers WHERE "deviceId" = $1 FOR UPDATE`, [deviceId]);
        await m.query(`UPDATE speakers SET "zoneId" = $2, state = jsonb_set(state, '{zoneId}', to_jsonb($2::text)), version = version + 1, "updatedAt" = now() WHERE "deviceId" = $1`, [
          deviceId,
          zoneId,
        ]);
      }
      await this.audit.record(p, { action: 'speaker.assign', entityType: 'speaker', entityId: deviceId, siteId: device.siteId, after: { zoneId } }, m);
    });
    await this.zones.propagate(zoneId, p, deviceId);
    return this.get(p, deviceId);
  }

  async list(p: Principal, q: { siteId?: string; zoneId?: string }): Promise<SpeakerView[]> {
    let siteIds: string[] | null = p.role === 'admin' ? null : p.siteIds;
    if (q.siteId) {
      if (!seesSite(p, q.siteId)) return [];
      siteIds = [q.siteId];
    }
    const speakers = await this.store.list({ siteIds, zoneId: q.zoneId });
    return this.views(p, speakers.filter((s) => seesSite(p, s.siteId)));
  }

  async get(p: Principal, deviceId: string): Promise<SpeakerView> {
    const speaker = await this.store.find(deviceId);
    if (!speaker || !speaker.active || !seesSite(p, speaker.siteId)) throw speakerNotFound(deviceId);
    return (await this.views(p, [speaker]))[0];
  }

  /** The speaker as a principal may see it (the owner in `mine`, others anonymous). */
  async views(p: Principal, speakers: LockedSpeaker[]): Promise<SpeakerView[]> {
    const viewer: SpeakerViewer = isStaff(p) ? { kind: 'staff' } : { kind: 'resident', residentId: p.residentId ?? '' };
    const places = viewer.kind === 'resident' ? await this.queuePlaces(viewer.residentId) : new Map<string, string>();
    const now = Date.now();
    return speakers.map((s) =>
      speakerView(
        {
          deviceId: s.deviceId,
          name: this.devices.directory.get(s.deviceId)?.name ?? s.deviceId,
          siteId: s.siteId,
          zoneName: s.zoneName,
          state: s.state,
          version: s.version,
          playback: s.playback,
          zone: s.zone,
          now,
          myPlaceId: places.get(s.deviceId) ?? null,
        },
        viewer,
      ),
    );
  }

  private async queuePlaces(residentId: string): Promise<Map<string, string>> {
    if (!residentId) return new Map();
    const rows = (await this.db.query(`SELECT id, "speakerId" FROM speaker_sessions WHERE "residentId" = $1 AND status = 'queued'`, [residentId])) as { id: string; speakerId: string }[];
    return new Map(rows.map((r) => [r.speakerId, r.id]));
  }
}
