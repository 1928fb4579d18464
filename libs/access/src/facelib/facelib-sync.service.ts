import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { encodeEmbedding } from '@app/contracts/embedding';
import type { DeviceCommandData } from '@app/contracts';
import { collapseFacelibChanges, FacelibChangeRow, planFacelibSync } from '../domain';
import { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader } from '../state/access-directory.reader';

export const FACELIB_SUPERSEDE_KEY = 'facelib';
/** Changes of one site within this window go out as one sync per gate. */
const DEBOUNCE_MS = 200;
/**
 * A full library is one MQTT message; above this many faces it would be tens of MB. Larger sites
 * need chunked full syncs (not built yet): such a gate is logged and left to deltas.
 */
export const MAX_FULL_SYNC_FACES = 2000;

type FacelibData = DeviceCommandData<'facelib.sync'>;

/**
 * Keeps every gate's offline face library in step: after each enrolment, withdrawal or move-out,
 * each gate of the site gets a durable `facelib.sync` (supersede key `facelib`) with the changes
 * above the version it acked; a new gate (or one too far behind) gets the full library. The gate's
 * ack carries the version it holds, which becomes the base of its next delta.
 */
@Injectable()
export class FacelibSyncService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FacelibSyncService.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private subscriptions: Subscription[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: DeviceLinks,
    private readonly reader: AccessDirectoryReader,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(
      this.links.results.results$.subscribe((r) => {
        if (r.type !== 'facelib.sync' || r.status !== 'acked' || typeof r.data?.version !== 'number') return;
        void this.acked(r.deviceId, r.data.version).catch((err: Error) => this.logger.warn(`facelib ack of ${r.deviceId}: ${err.message}`));
      }),
      this.links.statusEvents.changes$.subscribe((c) => {
        if (c.kind === 'gate' && c.online) void this.syncGate(c.deviceId, c.siteId, 'online').catch((err: Error) => this.logger.warn(`facelib sync of ${c.deviceId}: ${err.message}`));
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.pending.forEach((t) => clearTimeout(t));
  }

  /** The site's face library changed: sync its gates shortly (changes in a burst go out together). */
  siteChanged(siteId: string): void {
    if (this.pending.has(siteId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(siteId);
      void this.syncSite(siteId).catch((err: Error) => this.logger.warn(`facelib sync of site ${siteId}: ${err.message}`));
    }, DEBOUNCE_MS);
    timer.unref();
    this.pending.set(siteId, timer);
  }

  async syncSite(siteId: string): Promise<number> {
    let sent = 0;
    for (const gate of this.links.directory.bySite(siteId, 'gate')) if (await this.syncGate(gate.id, siteId, 'change')) sent++;
    return sent;
  }

  /** Sends the gate what it lacks; returns whether a sync was sent. */
  async syncGate(deviceId: string, siteId: string, why: 'change' | 'online' | 'reported', reportedVersion?: number): Promise<boolean> {
    const [gate] = (await this.db.query(`SELECT "facelibVersion" FROM access_gates WHERE "deviceId" = $1`, [deviceId])) as { facelibVersion: number }[];
    const ackedVersion = gate?.facelibVersion ?? 0;
    const [{ latest, pending, faces }] = (await this.db.query(
      `SELECT COALESCE((SELECT max(version) FROM facelib_changes WHERE "siteId" = $1), 0)::int AS latest,
              (SELECT count(*) FROM facelib_changes WHERE "siteId" = $1 AND version > $2)::int AS pending,
              (SELECT count(*) FROM face_templates WHERE "siteId" = $1)::int AS faces`,
      [siteId, ackedVersion],
    )) as { latest: number; pending: number; faces: number }[];
    const plan = planFacelibSync({ ackedVersion, latestVersion: latest, reportedVersion, pendingChanges: pending });
    if (plan.kind === 'none') return false;
    let data: FacelibData;
    if (plan.kind === 'full') {
      if (faces > MAX_FULL_SYNC_FACES) {
        this.logger.warn({ deviceId, faces }, `gate needs a full face library of ${faces} faces: above ${MAX_FULL_SYNC_FACES}, not sent in one message`);
        return false;
      }
      const templates = await this.templates(siteId, null);
      data = { version: latest, full: true, upserts: templates, removes: [] };
    } else {
      const changes = (await this.db.query(`SELECT version, "residentId", op FROM facelib_changes WHERE "siteId" = $1 AND version > $2 ORDER BY version`, [siteId, plan.fromVersion])) as FacelibChangeRow[];
      const delta = collapseFacelibChanges(changes, plan.fromVersion);
      const templates = await this.templates(siteId, delta.upserts);
      // An upsert whose template is gone by now (withdrawn meanwhile) is a removal.
      const found = new Set(templates.map((t) => t.personId));
      data = { version: delta.version, full: false, upserts: templates, removes: [...delta.removes, ...delta.upserts.filter((id) => !found.has(id))] };
    }
    await this.links.commands.send(deviceId, 'facelib.sync', data, { durable: true, supersedeKey: FACELIB_SUPERSEDE_KEY });
    this.logger.debug({ deviceId, why, version: data.version, full: data.full, upserts: data.upserts.length, removes: data.removes.length }, 'facelib.sync sent');
    return true;
  }

  /** The gate holds `version` now (its ack). A gate holding less than it acked before was reset. */
  private async acked(deviceId: string, version: number): Promise<void> {
    const device = this.links.directory.get(deviceId);
    if (!device) return;
    const [before] = (await this.db.query(`SELECT "facelibVersion" FROM access_gates WHERE "deviceId" = $1`, [deviceId])) as { facelibVersion: number }[];
    await this.db.query(
      `INSERT INTO access_gates ("deviceId", "siteId", "facelibVersion") VALUES ($1, $2, $3)
       ON CONFLICT ("deviceId") DO UPDATE SET "facelibVersion" = EXCLUDED."facelibVersion", "updatedAt" = now()`,
      [deviceId, device.siteId, version],
    );
    if (before && version < before.facelibVersion) await this.syncGate(deviceId, device.siteId, 'reported', version);
  }

  private async templates(siteId: string, residentIds: string[] | null): Promise<FacelibData['upserts']> {
    if (residentIds !== null && residentIds.length === 0) return [];
    const rows = residentIds
      ? await this.reader.templatesOf(siteId, residentIds)
      : await this.reader.templatesOf(siteId, null);
    return rows.map((t) => ({ personId: t.residentId, embedding: encodeEmbedding(t.vector), validUntil: null }));
  }
}
