import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { encodeEmbedding } from '@app/contracts/embedding';
import { MAX_PAYLOAD_BYTES, type DeviceCommandData } from '@app/contracts';
import type { CommandResult } from '@app/devices';
import {
  afterFacelibChunkSettled,
  collapseFacelibChanges,
  FACELIB_REMOVE_BYTES,
  FacelibChangeRow,
  facelibChunkCountNow,
  facelibChunkFaces,
  FacelibDeltaBudget,
  facelibMessageBudget,
  facelibUpsertBytes,
  FullSyncProgress,
  mayInterruptFullSync,
  planFacelibSync,
} from '../domain';
import { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader, TemplateRow } from '../state/access-directory.reader';

export const FACELIB_SUPERSEDE_KEY = 'facelib';
/** Changes of one site within this window go out as one sync per gate. */
const DEBOUNCE_MS = 200;

type FacelibData = DeviceCommandData<'facelib.sync'>;
type SyncReason = 'change' | 'online' | 'reported';

/**
 * Keeps every gate's offline face library in step: after each enrolment, withdrawal or move-out,
 * each gate of the site gets a durable `facelib.sync` (supersede key `facelib`) with the changes
 * above the version it acked; a new gate (or one too far behind) gets the full library, in chunks
 * of FACELIB_CHUNK_FACES sent one after another (each retried until acked; see domain/facelib-chunks).
 * The gate's ack carries the version it holds, which becomes the base of its next delta.
 */
@Injectable()
export class FacelibSyncService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FacelibSyncService.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Syncs of one gate run one after another on this instance (an ack and a change may race). */
  private readonly gateQueue = new Map<string, Promise<unknown>>();
  private subscriptions: Subscription[] = [];
  /** Faces per full-library chunk, and what a delta may carry: each message within the protocol's limit. */
  private readonly chunkFaces: number;
  private readonly deltaBudget: FacelibDeltaBudget;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: DeviceLinks,
    private readonly reader: AccessDirectoryReader,
  ) {
    this.chunkFaces = facelibChunkFaces(config.face.facelibChunkFaces, config.face.dim, MAX_PAYLOAD_BYTES);
    this.deltaBudget = { maxBytes: facelibMessageBudget(MAX_PAYLOAD_BYTES), upsertBytes: facelibUpsertBytes(config.face.dim), removeBytes: FACELIB_REMOVE_BYTES };
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.links.results.results$.subscribe((r) => {
        // Superseded syncs were replaced on purpose (a newer delta, or a transfer started over).
        if (r.type !== 'facelib.sync' || r.status === 'superseded') return;
        void this.settled(r).catch((err: Error) => this.logger.warn(`facelib ${r.status} of ${r.deviceId}: ${err.message}`));
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
  syncGate(deviceId: string, siteId: string, why: SyncReason, reportedVersion?: number): Promise<boolean> {
    return this.serialized(deviceId, () => this.syncGateNow(deviceId, siteId, why, reportedVersion));
  }

  private async syncGateNow(deviceId: string, siteId: string, why: SyncReason, reportedVersion?: number, attempt = 1): Promise<boolean> {
    const { ackedVersion, progress } = await this.gateState(deviceId);
    if (progress && !mayInterruptFullSync(progress, await this.syncInFlight(deviceId), why)) return false;
    const [{ latest, pending }] = (await this.db.query(
      `SELECT COALESCE((SELECT max(version) FROM facelib_changes WHERE "siteId" = $1), 0)::int AS latest,
              (SELECT count(*) FROM facelib_changes WHERE "siteId" = $1 AND version > $2)::int AS pending`,
      [siteId, ackedVersion],
    )) as { latest: number; pending: number }[];
    const plan = planFacelibSync({ ackedVersion, latestVersion: latest, reportedVersion, pendingChanges: pending });
    if (plan.kind === 'none') {
      if (progress) await this.saveProgress(deviceId, siteId, null);
      return false;
    }
    if (plan.kind === 'full') {
      await this.sendFullChunk(deviceId, siteId, { version: latest, count: 1, index: 0, after: null, attempt }, why);
      return true;
    }
    const changes = (await this.db.query(`SELECT version, "residentId", op FROM facelib_changes WHERE "siteId" = $1 AND version > $2 ORDER BY version`, [siteId, plan.fromVersion])) as FacelibChangeRow[];
    // As much as fits in one message; the rest follows when the gate acks it.
    const delta = collapseFacelibChanges(changes, plan.fromVersion, this.deltaBudget);
    const templates = delta.upserts.length ? await this.reader.templatesOf(siteId, delta.upserts) : [];
    // An upsert whose template is gone by now (withdrawn meanwhile) is a removal.
    const found = new Set(templates.map((t) => t.residentId));
    const data: FacelibData = { version: delta.version, full: false, upserts: upsertsOf(templates), removes: [...delta.removes, ...delta.upserts.filter((id) => !found.has(id))] };
    if (progress) await this.saveProgress(deviceId, siteId, null);
    await this.links.commands.send(deviceId, 'facelib.sync', data, { durable: true, supersedeKey: FACELIB_SUPERSEDE_KEY });
    this.logger.debug({ deviceId, why, version: data.version, upserts: data.upserts.length, removes: data.removes.length }, 'facelib.sync delta sent');
    return true;
  }

  /**
   * One message of a full library: the whole of it when it fits, else chunk `index` (keyset after
   * the last face sent). The progress is stored before publishing, because the gate's ack may come
   * back before any write after the publish.
   */
  private async sendFullChunk(deviceId: string, siteId: string, start: FullSyncProgress, why: SyncReason): Promise<void> {
    const fetched = await this.reader.siteTemplatePage(siteId, start.after, this.chunkFaces + 1);
    const rows = fetched.slice(0, this.chunkFaces);
    const p: FullSyncProgress = { ...start, count: facelibChunkCountNow(start.index, fetched.length, this.chunkFaces) };
    // A library that fits in one message goes without chunk fields (what every gate understands).
    const chunked = p.index > 0 || p.count > 1;
    const next: FullSyncProgress = { ...p, after: rows.length ? rows[rows.length - 1].residentId : p.after };
    await this.saveProgress(deviceId, siteId, chunked ? next : null);
    const data: FacelibData = { version: p.version, full: true, upserts: upsertsOf(rows), removes: [], ...(chunked ? { chunk: { index: p.index, count: p.count } } : {}) };
    await this.links.commands.send(deviceId, 'facelib.sync', data, { durable: true, supersedeKey: FACELIB_SUPERSEDE_KEY });
    this.logger.debug({ deviceId, why, version: p.version, chunk: chunked ? `${p.index + 1}/${p.count}` : null, upserts: rows.length }, 'facelib.sync full sent');
  }

  /** A facelib.sync reached a final status: record the version the gate holds, move a chunked transfer on. */
  private async settled(r: CommandResult): Promise<void> {
    const device = this.links.directory.get(r.deviceId);
    if (!device) return;
    const held = r.status === 'acked' && typeof r.data?.version === 'number' ? r.data.version : null;
    await this.serialized(r.deviceId, async () => {
      const before = await this.gateState(r.deviceId);
      if (held !== null) await this.recordAcked(r.deviceId, device.siteId, held);
      const [row] = (await this.db.query(`SELECT data FROM device_commands WHERE id = $1`, [r.commandId])) as { data: { version: number; chunk?: { index: number; count: number } } }[];
      const step = afterFacelibChunkSettled(before.progress, { version: row?.data.version ?? -1, chunk: row?.data.chunk ?? null, acked: r.status === 'acked', heldVersion: held });
      const p = before.progress!;
      switch (step) {
        case 'not_a_chunk':
          if (held === null || before.progress) return;
          // A gate holding less than it acked before was reset: it needs the full library. Otherwise
          // what did not fit in this delta (or changed since) follows.
          await this.syncGateNow(r.deviceId, device.siteId, held < before.ackedVersion ? 'reported' : 'change', held < before.ackedVersion ? held : undefined);
          return;
        case 'next':
          return this.sendFullChunk(r.deviceId, device.siteId, { ...p, index: p.index + 1 }, 'change');
        case 'complete':
          // Changes made during the transfer follow as a delta above its version.
          await this.saveProgress(r.deviceId, device.siteId, null);
          await this.syncGateNow(r.deviceId, device.siteId, 'change');
          return;
        case 'restart':
          this.logger.warn({ deviceId: r.deviceId, chunk: p.index, status: r.status, error: r.error?.code }, 'facelib chunk not applied: full library starts over');
          await this.saveProgress(r.deviceId, device.siteId, null);
          await this.syncGateNow(r.deviceId, device.siteId, 'reported', held ?? undefined, p.attempt + 1);
          return;
        case 'give_up':
          this.logger.warn({ deviceId: r.deviceId, attempts: p.attempt }, 'facelib full library refused repeatedly: left to the next change or reconnection');
          await this.saveProgress(r.deviceId, device.siteId, null);
      }
    });
  }

  private async gateState(deviceId: string): Promise<{ ackedVersion: number; progress: FullSyncProgress | null }> {
    const [gate] = (await this.db.query(`SELECT "facelibVersion", "facelibFullSync" FROM access_gates WHERE "deviceId" = $1`, [deviceId])) as { facelibVersion: number; facelibFullSync: FullSyncProgress | null }[];
    return { ackedVersion: gate?.facelibVersion ?? 0, progress: gate?.facelibFullSync ?? null };
  }

  /** A facelib.sync of the gate still waits for its ack (the chunk of a transfer in flight). */
  private async syncInFlight(deviceId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM device_commands WHERE "deviceId" = $1 AND type = 'facelib.sync' AND status IN ('queued', 'sent') LIMIT 1`, [deviceId])) as unknown[];
    return rows.length > 0;
  }

  private async recordAcked(deviceId: string, siteId: string, version: number): Promise<void> {
    await this.db.query(
      `INSERT INTO access_gates ("deviceId", "siteId", "facelibVersion") VALUES ($1, $2, $3)
       ON CONFLICT ("deviceId") DO UPDATE SET "facelibVersion" = EXCLUDED."facelibVersion", "updatedAt" = now()`,
      [deviceId, siteId, version],
    );
  }

  private async saveProgress(deviceId: string, siteId: string, progress: FullSyncProgress | null): Promise<void> {
    await this.db.query(
      `INSERT INTO access_gates ("deviceId", "siteId", "facelibFullSync") VALUES ($1, $2, $3::jsonb)
       ON CONFLICT ("deviceId") DO UPDATE SET "facelibFullSync" = EXCLUDED."facelibFullSync", "updatedAt" = now()`,
      [deviceId, siteId, progress === null ? null : JSON.stringify(progress)],
    );
  }

  private serialized<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.gateQueue.get(deviceId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.gateQueue.set(deviceId, next);
    void next.catch(() => undefined).finally(() => {
      if (this.gateQueue.get(deviceId) === next) this.gateQueue.delete(deviceId);
    });
    return next;
  }
}

function upsertsOf(rows: readonly TemplateRow[]): FacelibData['upserts'] {
  return rows.map((t) => ({ personId: t.residentId, embedding: encodeEmbedding(t.vector), validUntil: null }));
}
