import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG, AppConfig, MetricsService, RedisService } from '@app/core';
import type { GateMode } from '@app/contracts';
import type { DeviceInfo } from '@app/devices';
import {
  AccessGate as DecisionGate,
  AccessPerson,
  AccessPolicy,
  decisionPassStatus,
  effectiveAccessPolicies,
  EMPTY_SITE_ACCESS_CONFIG,
  GateZone,
  hasLockdownOverride,
  offlineStandingChanged,
  residentAccessPerson,
  SiteAccessConfig,
  SiteDirectory,
  staffAccessPerson,
  VisitorPassView,
} from '../domain';
import { QuantizedMatcher } from '../matcher';
import { DeviceLinks } from '../links/device-links';
import { AccessDirectoryReader, GateSettingsRow, PassRow, ResidentRow, StaffRow } from './access-directory.reader';

export interface PersonEntry {
  person: AccessPerson;
  /** Sites where the person may be let in (a resident's one site; a staff member's sites). */
  siteIds: readonly string[];
  /** A resident's household units (empty for staff). */
  unitIds: readonly string[];
  accountId: string | null;
  staffOverride: boolean;
  /** The full name, for the access log and staff screens (gate displays use the first name). */
  fullName: string;
}

export interface PassEntry {
  view: VisitorPassView;
  siteId: string;
  unitId: string;
  tokenHash: string;
  maxUses: number;
  uses: number;
}

export interface GateSettings {
  deviceId: string;
  siteId: string;
  mode: GateMode;
  zone: GateZone | null;
  heldOpenSeconds: number;
}

type StateMessage = { o: string; k: 'face' | 'person' | 'pass' | 'gate' | 'site'; id: string };

const CHANNEL = 'access.state';
const TEMPLATE_PAGE = 2000;
/** The safety net behind pub/sub: changes made by other modules (new residents, staff edits, moves). */
const REFRESH_MS = 30_000;
/** Overlap of consecutive incremental refreshes (commit times vs. the watermark). */
const REFRESH_OVERLAP_MS = 5_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Everything a gate decision needs, in memory: one face matcher per site (loaded at start),
 * people with their groups and standing, site time zones, gate modes and zones, live visitor
 * passes, and the default policies computed from the gates. The database is read at start, on
 * change messages (Redis pub/sub from whichever instance made the change) and by a periodic
 * incremental refresh — never while deciding, except for a person or pass not seen yet.
 */
@Injectable()
export class AccessState implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccessState.name);
  private readonly origin = randomUUID();
  private readonly matchers = new Map<string, QuantizedMatcher>();
  private readonly faceSite = new Map<string, string>();
  private readonly people = new Map<string, PersonEntry>();
  private readonly timeZones = new Map<string, string>();
  private readonly gateSettings = new Map<string, GateSettings>();
  private readonly passes = new Map<string, PassEntry>();
  private readonly siteConfigs = new Map<string, SiteAccessConfig>();
  private readonly policyCache = new Map<string, { key: string; config: SiteAccessConfig; policies: AccessPolicy[] }>();
  private readonly reloads = new Map<string, Promise<void>>();
  private readonly regrouped = new Subject<{ residentId: string; siteId: string }>();
  private unsubscribe?: () => Promise<void>;
  private refreshTimer?: NodeJS.Timeout;
  private watermark = new Date(0);
  private readonly dim: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reader: AccessDirectoryReader,
    private readonly redis: RedisService,
    private readonly links: DeviceLinks,
    metrics: MetricsService,
  ) {
    this.dim = config.face.dim;
    const state = this;
    metrics.gauge('sc_access_enrolled_faces', 'Face templates in this instance’s matcher', [], function () {
      this.set(state.faceSite.size);
    });
  }

  async onModuleInit(): Promise<void> {
    // Subscribe before loading, so a change made during the load is not missed.
    this.unsubscribe = await this.redis.subscribe(CHANNEL, (raw) => this.onMessage(raw));
    const started = Date.now();
    this.watermark = await this.reader.now();
    const [residents, staff, sites, gates, passes, configs] = await Promise.all([
      this.reader.activeResidents(),
      this.reader.staff(),
      this.reader.sites(),
      this.reader.gateSettings(),
      this.reader.livePasses(),
      this.reader.siteAccessConfigs(),
    ]);
    configs.forEach((c, siteId) => this.siteConfigs.set(siteId, c));
    sites.forEach((s) => this.timeZones.set(s.id, s.timezone));
    residents.forEach((r) => this.putResident(r));
    staff.forEach((s) => this.putStaff(s));
    gates.forEach((g) => this.putGate(g));
    passes.forEach((p) => this.putPass(p));
    let faces = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.reader.templatePage(after, TEMPLATE_PAGE);
      for (const t of page) if (this.putFace(t.residentId, t.siteId, t.vector)) faces++;
      if (page.length < TEMPLATE_PAGE) break;
      after = page[page.length - 1].residentId;
    }
    this.logger.log(`access state loaded in ${Date.now() - started} ms: ${faces} faces, ${residents.length} residents, ${staff.length} staff, ${passes.length} passes`);
    this.refreshTimer = setInterval(() => void this.refresh().catch((err: Error) => this.logger.warn(`refresh failed: ${err.message}`)), REFRESH_MS);
    this.refreshTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.regrouped.complete();
    await this.unsubscribe?.();
  }

  // ---- reads (hot path) ------------------------------------------------------------------------

  matcher(siteId: string): QuantizedMatcher | undefined {
    return this.matchers.get(siteId);
  }

  get faceDim(): number {
    return this.dim;
  }

  hasFace(residentId: string): boolean {
    return this.faceSite.has(residentId);
  }

  person(id: string): PersonEntry | undefined {
    return this.people.get(id);
  }

  /** The person, loaded from the directory if this instance has not seen them yet. */
  async personOrLoad(id: string): Promise<PersonEntry | undefined> {
    const known = this.people.get(id);
    if (known) return known;
    await this.reloadPerson(id);
    return this.people.get(id);
  }

  /** Loads the people of these ids this instance has not seen yet, in one read (a page of a gate's library). */
  async loadPeople(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.people.has(id));
    if (missing.length === 0) return;
    const [residents, staff] = await Promise.all([this.reader.residentsByIds(missing), this.reader.staff({ ids: missing })]);
    residents.forEach((r) => this.putResident(r));
    staff.forEach((s) => this.putStaff(s));
  }

  /**
   * An enrolled resident's groups or standing changed here (their buildings, seen by a reload or the
   * periodic refresh): the gates' offline libraries may have to take them in or drop them. Every
   * instance that notices reports it (the refresh runs on each).
   */
  get regrouped$(): Observable<{ residentId: string; siteId: string }> {
    return this.regrouped.asObservable();
  }

  pass(id: string): PassEntry | undefined {
    return this.passes.get(id);
  }

  async passOrLoad(id: string): Promise<PassEntry | undefined> {
    const known = this.passes.get(id);
    if (known) return known;
    // Pass ids are uuids; a forged token can carry anything, which must not reach the query.
    if (!UUID.test(id)) return undefined;
    await this.reloadPass(id);
    return this.passes.get(id);
  }

  settings(deviceId: string): GateSettings | undefined {
    return this.gateSettings.get(deviceId);
  }

  gate(device: DeviceInfo): DecisionGate {
    return { id: device.id, mode: this.gateSettings.get(device.id)?.mode ?? 'normal', timeZone: this.timeZones.get(device.siteId) ?? 'Asia/Shanghai' };
  }

  /**
   * The site's policies: the defaults from its gates (zones from access settings or the device's
   * building) as the site's configuration leaves them, plus its custom policies, holidays applied.
   */
  policies(siteId: string): AccessPolicy[] {
    const directory = this.siteDirectory(siteId);
    const key = directory.gates.map((g) => `${g.id}/${g.zone}/${g.buildingId ?? ''}`).join('|');
    const config = this.siteConfig(siteId);
    const cached = this.policyCache.get(siteId);
    if (cached && cached.key === key && cached.config === config) return cached.policies;
    const policies = effectiveAccessPolicies(directory, config);
    this.policyCache.set(siteId, { key, config, policies });
    return policies;
  }

  /** The site's gates as the default policies see them (sorted, so equal directories compare equal). */
  siteDirectory(siteId: string): SiteDirectory {
    const gates = this.links.directory.bySite(siteId, 'gate').map((g) => ({ id: g.id, buildingId: g.buildingId, zone: this.zoneOf(g) }));
    gates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const buildingIds = [...new Set(gates.map((g) => g.buildingId).filter((b): b is string => !!b))];
    return { siteId, buildingIds, gates };
  }

  siteConfig(siteId: string): SiteAccessConfig {
    return this.siteConfigs.get(siteId) ?? EMPTY_SITE_ACCESS_CONFIG;
  }

  zoneOf(device: Pick<DeviceInfo, 'id' | 'buildingId'>): GateZone {
    return this.gateSettings.get(device.id)?.zone ?? (device.buildingId ? 'building' : 'perimeter');
  }

  // ---- changes (from this instance's writers) --------------------------------------------------

  /** A face was enrolled (vector) or removed (null) here: apply now, tell the other instances. */
  async faceChanged(residentId: string, siteId: string, unit: Float32Array | null): Promise<void> {
    // A face becomes matchable only once its person is known here: a match without the person
    // would be denied as unknown_face. A withdrawal applies before anything else.
    if (unit) {
      await this.reloadPerson(residentId);
      this.putFace(residentId, siteId, unit);
    } else {
      this.dropFace(residentId);
      await this.reloadPerson(residentId);
    }
    await this.broadcast('face', residentId);
  }

  /** A person, pass, gate or site changed in the database: reload it here and everywhere. */
  async changed(kind: 'person' | 'pass' | 'gate' | 'site', id: string): Promise<void> {
    await this.reload(kind, id);
    await this.broadcast(kind, id);
  }

  /** The use count a gate just took atomically (keeps the local copy honest until the next reload). */
  noteUse(passId: string, uses: number): void {
    const p = this.passes.get(passId);
    if (!p) return;
    p.uses = uses;
    const status = p.view.status === 'revoked' ? 'revoked' : decisionPassStatus({ status: 'active', maxUses: p.maxUses, uses });
    p.view = { ...p.view, usesLeft: Math.max(0, p.maxUses - uses), status };
  }

  // ---- internals ---------------------------------------------------------------------------------

  private async broadcast(k: StateMessage['k'], id: string): Promise<void> {
    try {
      await this.redis.publish(CHANNEL, JSON.stringify({ o: this.origin, k, id } satisfies StateMessage));
    } catch (err) {
      // The periodic refresh repairs other instances; this one is already up to date.
      this.logger.warn(`could not publish ${k} ${id}: ${(err as Error).message}`);
    }
  }

  private onMessage(raw: string): void {
    let m: StateMessage;
    try {
      m = JSON.parse(raw) as StateMessage;
    } catch {
      return;
    }
    if (m.o === this.origin || typeof m.id !== 'string') return;
    void this.reload(m.k, m.id).catch((err: Error) => this.logger.warn(`reload of ${m.k} ${m.id} failed: ${err.message}`));
  }

  /** Reloads of one entity run one after another, so an older read never overwrites a newer one. */
  private reload(kind: StateMessage['k'], id: string): Promise<void> {
    const key = `${kind}:${id}`;
    const previous = this.reloads.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        switch (kind) {
          case 'face':
            return this.reloadFace(id);
          case 'person':
            return this.reloadPerson(id);
          case 'pass':
            return this.reloadPass(id);
          case 'gate':
            return this.reloadGate(id);
          case 'site':
            return this.reloadSite(id);
        }
      });
    this.reloads.set(key, next);
    void next.finally(() => {
      if (this.reloads.get(key) === next) this.reloads.delete(key);
    });
    return next;
  }

  private async reloadFace(residentId: string): Promise<void> {
    // The person first (see faceChanged), read alongside the template.
    const [t] = await Promise.all([this.reader.template(residentId), this.reloadPerson(residentId)]);
    if (t) this.putFace(t.residentId, t.siteId, t.vector);
    else this.dropFace(residentId);
  }

  private async reloadPerson(id: string): Promise<void> {
    const [residents, staff] = await Promise.all([this.reader.residentsByIds([id]), this.reader.staff({ ids: [id] })]);
    if (residents[0]) this.putResident(residents[0]);
    else if (staff[0]) this.putStaff(staff[0]);
    else this.people.delete(id);
  }

  private async reloadPass(id: string): Promise<void> {
    const [p] = await this.reader.passesByIds([id]);
    if (p) this.putPass(p);
    else this.passes.delete(id);
  }

  private async reloadGate(deviceId: string): Promise<void> {
    const [g] = await this.reader.gateSettings([deviceId]);
    if (g) this.putGate(g);
    else this.gateSettings.delete(deviceId);
  }

  private async reloadSite(siteId: string): Promise<void> {
    // A site-wide change (lockdown, policies, holidays): every gate of the site and its access configuration.
    const [rows, configs] = await Promise.all([this.reader.gateSettings(this.links.directory.bySite(siteId, 'gate').map((g) => g.id)), this.reader.siteAccessConfigs([siteId])]);
    rows.forEach((g) => this.putGate(g));
    this.putSiteConfigs([siteId], configs);
  }

  private putSiteConfigs(siteIds: Iterable<string>, configs: Map<string, SiteAccessConfig>): void {
    for (const id of siteIds) {
      const c = configs.get(id);
      if (c) this.siteConfigs.set(id, c);
      else this.siteConfigs.delete(id);
    }
  }

  /** Incremental safety net: what changed in the directory since the last pass. */
  private async refresh(): Promise<void> {
    const since = new Date(this.watermark.getTime() - REFRESH_OVERLAP_MS);
    const next = await this.reader.now();
    const [residents, staff, sites, passes, configs] = await Promise.all([
      this.reader.residentsChangedSince(since),
      this.reader.staff({ since }),
      this.reader.sites(since),
      this.reader.livePasses(since),
      // Small (a few rows per site) and deletions leave no trace to diff: reloaded whole.
      this.reader.siteAccessConfigs(),
    ]);
    this.putSiteConfigs(new Set([...this.siteConfigs.keys(), ...configs.keys()]), configs);
    residents.forEach((r) => this.putResident(r));
    staff.forEach((s) => this.putStaff(s));
    sites.forEach((s) => this.timeZones.set(s.id, s.timezone));
    passes.forEach((p) => this.putPass(p));
    this.policyCache.clear();
    this.watermark = next;
  }

  private putFace(residentId: string, siteId: string, vector: Float32Array): boolean {
    if (vector.length !== this.dim) {
      this.logger.warn(`template of ${residentId} has ${vector.length} dims, the matcher ${this.dim}: skipped`);
      return false;
    }
    const previousSite = this.faceSite.get(residentId);
    if (previousSite && previousSite !== siteId) this.matchers.get(previousSite)?.remove(residentId);
    let m = this.matchers.get(siteId);
    if (!m) {
      m = new QuantizedMatcher(this.dim);
      this.matchers.set(siteId, m);
    }
    m.upsert(residentId, vector);
    this.faceSite.set(residentId, siteId);
    return true;
  }

  private dropFace(residentId: string): void {
    const siteId = this.faceSite.get(residentId);
    if (siteId === undefined) return;
    this.matchers.get(siteId)?.remove(residentId);
    this.faceSite.delete(residentId);
  }

  private putResident(r: ResidentRow): void {
    const before = this.people.get(r.id)?.person;
    const person = residentAccessPerson(r);
    this.people.set(r.id, {
      person,
      siteIds: [r.siteId],
      unitIds: r.unitIds,
      accountId: r.accountId,
      staffOverride: false,
      fullName: r.fullName,
    });
    if (before && this.faceSite.has(r.id) && offlineStandingChanged(before, person)) this.regrouped.next({ residentId: r.id, siteId: r.siteId });
  }

  private putStaff(s: StaffRow): void {
    this.people.set(s.id, {
      person: staffAccessPerson(s),
      siteIds: s.siteIds,
      unitIds: [],
      accountId: s.accountId,
      staffOverride: s.active && hasLockdownOverride(s),
      fullName: s.fullName,
    });
  }

  private putGate(g: GateSettingsRow): void {
    const before = this.gateSettings.get(g.deviceId);
    this.gateSettings.set(g.deviceId, { deviceId: g.deviceId, siteId: g.siteId, mode: g.mode, zone: g.zone, heldOpenSeconds: g.heldOpenSeconds });
    if (before?.zone !== g.zone) this.policyCache.delete(g.siteId);
  }

  private putPass(p: PassRow): void {
    this.passes.set(p.id, {
      siteId: p.siteId,
      unitId: p.unitId,
      tokenHash: p.tokenHash,
      maxUses: p.maxUses,
      uses: p.uses,
      view: {
        id: p.id,
        status: decisionPassStatus(p),
        usesLeft: Math.max(0, p.maxUses - p.uses),
        validFrom: new Date(p.validFrom),
        validUntil: new Date(p.validUntil),
        gateIds: p.gateIds,
        visitorName: p.visitorName,
        hostPersonId: p.hostResidentId,
      },
    });
  }
}
