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
  offlineLibraryRule,
  planFacelibSync,
} from '../domain';
import { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader, TemplateRow } from '../state/access-directory.reader';
import { AccessState } from '../state/access-state.service';

export const FACELIB_SUPERSEDE_KEY = 'facelib';
/** Changes of one site within this window go out as one sync per gate. */
const DEBOUNCE_MS = 200;
/** A full-library chunk reads the site's faces this many chunks' worth at a time (a door keeps only its building's). */
const SCAN_CHUNKS = 4;

type FacelibData = DeviceCommandData<'facelib.sync'>;
type SyncReason = 'change' | 'online' | 'reported';
type Admits = (residentId: string) => boolean;

/**
 * Keeps every gate's offline face library in step: after each enrolment, withdrawal or move-out,
 * each gate of the site gets a durable `facelib.sync` (supersede key `facelib`) with the changes
 * above the version it acked; a new gate (or one too far behind) gets the full library, in chunks
 * of FACELIB_CHUNK_FACES sent one after another (each retried until acked; see domain/facelib-chunks).
 * The gate's ack carries the version it holds, which becomes the base of its next delta.
 * Each gate's library holds only the people it admits around the clock (domain/offline-face-library):
 * an upsert of anyone else goes to that gate as a removal, and full libraries leave them out.
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
    private readonly state: AccessState,
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
      this.state.regrouped$.subscribe(({ residentId, siteId }) => {
        void this.rescope(siteId, [residentId]).catch((err: Error) => this.logger.warn(`facelib rescope of ${residentId}: ${err.message}`));
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

  /**
   * Who belongs in which gate's library changed although no face did (the site's policies or
   * holidays, a gate's zone, a resident's buildings): every enrolled face of the site (or of these
   * residents) is logged again as an upsert, so each gate converges through the ordinary deltas
   * (durable, also for gates offline now, and behind a full transfer in flight): the face where the
   * gate admits them now, a removal elsewhere. A large site goes out as full libraries instead.
   */
  async rescope(siteId: string, residentIds?: readonly string[]): Promise<number> {
    const [{ faces }] = (await this.db.query(
      `WITH logged AS (
         INSERT INTO facelib_changes ("siteId", "residentId", op)
         SELECT "siteId", "residentId", 'upsert' FROM face_templates WHERE "siteId" = $1 AND ($2::uuid[] IS NULL OR "residentId" = ANY($2::uuid[]))
         RETURNING 1)
       SELECT count(*)::int AS faces FROM logged`,
      [siteId, residentIds ?? null],
    )) as { faces: number }[];
    if (faces) this.siteChanged(siteId);
    this.logger.debug({ siteId, faces, residents: residentIds?.length ?? 'all' }, 'facelib rescoped');
    return faces;
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
    const admits = await this.admitted(deviceId, siteId, templates);
    // An upsert whose template is gone by now (withdrawn meanwhile), or of someone this gate does not
    // admit around the clock, is a removal (a no-op at a gate that never held them).
    const kept = templates.filter((t) => admits(t.residentId));
    const sent = new Set(kept.map((t) => t.residentId));
    const data: FacelibData = { version: delta.version, full: false, upserts: upsertsOf(kept), removes: [...delta.removes, ...delta.upserts.filter((id) => !sent.has(id))] };
    if (progress) await this.saveProgress(deviceId, siteId, null);
    await this.links.commands.send(deviceId, 'facelib.sync', data, { durable: true, supersedeKey: FACELIB_SUPERSEDE_KEY });
    this.logger.debug({ deviceId, why, version: data.version, upserts: data.upserts.length, removes: data.removes.length }, 'facelib.sync delta sent');
    return true;
  }

  /**
   * One message of a full library: the whole of it when it fits, else chunk `index` (keyset after
   * the last face looked at). The progress is stored before publishing, because the gate's ack may
   * come back before any write after the publish.
   */
  private async sendFullChunk(deviceId: string, siteId: string, start: FullSyncProgress, why: SyncReason): Promise<void> {
    const page = await this.admittedPage(deviceId, siteId, start.after);
    const p: FullSyncProgress = { ...start, count: facelibChunkCountNow(start.index, page.more) };
    // A library that fits in one message goes without chunk fields (what every gate understands).
    const chunked = p.index > 0 || p.count > 1;
    await this.saveProgress(deviceId, siteId, chunked ? { ...p, after: page.after } : null);
    const data: FacelibData = { version: p.version, full: true, upserts: upsertsOf(page.rows), removes: [], ...(chunked ? { chunk: { index: p.index, count: p.count } } : {}) };
    await this.links.commands.send(deviceId, 'facelib.sync', data, { durable: true, supersedeKey: FACELIB_SUPERSEDE_KEY });
    this.logger.debug({ deviceId, why, version: p.version, chunk: chunked ? `${p.index + 1}/${p.count}` : null, upserts: page.rows.length }, 'facelib.sync full sent');
  }

  /**
   * Up to a chunk of the faces this gate admits, in residentId order after `after`: where the scan
   * stopped (the next chunk starts after it) and whether any face of the site remains past it (a
   * last chunk may then come out empty, when none of the rest is admitted).
   */
  private async admittedPage(deviceId: string, siteId: string, after: string | null): Promise<{ rows: TemplateRow[]; after: string | null; more: boolean }> {
    const rows: TemplateRow[] = [];
    // A chunk's worth first (a perimeter gate admits everyone); wider pages while faces are left out.
    let scan = this.chunkFaces;
    for (; ; scan = this.chunkFaces * SCAN_CHUNKS) {
      const fetched = await this.reader.siteTemplatePage(siteId, after, scan + 1);
      const looked = fetched.slice(0, scan);
      const admits = await this.admitted(deviceId, siteId, looked);
      for (const [i, row] of looked.entries()) {
        after = row.residentId;
        if (!admits(row.residentId)) continue;
        rows.push(row);
        if (rows.length === this.chunkFaces) return { rows, after, more: i < looked.length - 1 || fetched.length > scan };
      }
      if (fetched.length <= scan) return { rows, after, more: false };
    }
  }

  /** The gate's offline rule over these residents (loaded into the access state first if unseen). */
  private async admitted(deviceId: string, siteId: string, rows: readonly TemplateRow[]): Promise<Admits> {
    await this.state.loadPeople(rows.map((r) => r.residentId));
    const rule = offlineLibraryRule(this.state.policies(siteId), { id: deviceId, siteId });
    return (residentId) => rule(this.state.person(residentId));
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

// validUntil: null, as the directory knows no planned end of anyone's access (domain/offline-face-library).
function upsertsOf(rows: readonly TemplateRow[]): FacelibData['upserts'] {
  return rows.map((t) => ({ personId: t.residentId, embedding: encodeEmbedding(t.vector), validUntil: null }));
}
