import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canReachSite, DomainError, Principal } from '@app/core';
import type { GateMode } from '@app/contracts';
import { FacelibSyncService } from '../facelib/facelib-sync.service';
import { DeviceLinks } from '../links/device-links';
import { AccessState } from '../state/access-state.service';
import { GateModeResultView, GateSettingsDto, GateSettingsView, SiteModeView } from './dto/gates.dto';

/**
 * Gate modes and settings. A site's mode switch (lockdown, release, emergency open) is one
 * committed, audited change to every gate of the site; decisions follow at once on every instance
 * (state broadcast), and each gate is told with a gate.mode command (re-sent when it reconnects).
 */
@Injectable()
export class GateModesService {
  private readonly logger = new Logger(GateModesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly links: DeviceLinks,
    private readonly state: AccessState,
    private readonly facelib: FacelibSyncService,
  ) {}

  async setSiteMode(principal: Principal, siteId: string, mode: GateMode, reason?: string): Promise<SiteModeView> {
    const [site] = (await this.db.query(`SELECT id FROM sites WHERE id = $1`, [siteId])) as { id: string }[];
    if (!site || !canReachSite(principal, siteId)) throw DomainError.notFound('site', siteId);
    const gates = this.links.directory.bySite(siteId, 'gate');
    const at = new Date();
    await this.db.transaction(async (m) => {
      for (const g of gates) {
        await m.query(
          `INSERT INTO access_gates ("deviceId", "siteId", mode, "modeChangedAt", "modeChangedByAccountId") VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT ("deviceId") DO UPDATE SET mode = EXCLUDED.mode, "modeChangedAt" = EXCLUDED."modeChangedAt", "modeChangedByAccountId" = EXCLUDED."modeChangedByAccountId", "updatedAt" = now()`,
          [g.id, siteId, mode, at, principal.accountId],
        );
      }
      const action = mode === 'normal' ? 'site.gates_release' : mode === 'lockdown' ? 'site.lockdown' : 'site.emergency_open';
      await this.audit.record(principal, { action, entityType: 'site', entityId: siteId, siteId, after: { mode, reason: reason ?? null, gates: gates.map((g) => g.id) } }, m);
    });
    await this.state.changed('site', siteId);
    const results: GateModeResultView[] = [];
    for (const g of gates) results.push(await this.tell(g.id, mode, principal));
    this.logger.log({ siteId, mode, gates: gates.length }, 'site gate mode changed');
    return { siteId, mode, gates: results };
  }

  /** Sends a gate its mode (after a switch, and when it reconnects in a mode other than normal). */
  async tell(deviceId: string, mode: GateMode, actor: Principal | null = null): Promise<GateModeResultView> {
    try {
      const row = await this.links.commands.send(deviceId, 'gate.mode', { mode }, { actor });
      return { deviceId, commandId: row.id, status: row.status };
    } catch (err) {
      this.logger.warn(`gate.mode to ${deviceId} failed: ${(err as Error).message}`);
      return { deviceId, commandId: null, status: 'failed' };
    }
  }

  async settings(principal: Principal, deviceId: string): Promise<GateSettingsView> {
    const device = this.reachableGate(principal, deviceId);
    const s = this.state.settings(deviceId);
    return { deviceId, siteId: device.siteId, mode: s?.mode ?? 'normal', zone: this.state.zoneOf(device), heldOpenSeconds: s?.heldOpenSeconds ?? 60 };
  }

  async updateSettings(principal: Principal, deviceId: string, dto: GateSettingsDto): Promise<GateSettingsView> {
    const device = this.reachableGate(principal, deviceId);
    const zoneBefore = this.state.zoneOf(device);
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO access_gates ("deviceId", "siteId", zone, "heldOpenSeconds") VALUES ($1, $2, $3, COALESCE($4, 60))
         ON CONFLICT ("deviceId") DO UPDATE SET zone = COALESCE($3, access_gates.zone), "heldOpenSeconds" = COALESCE($4, access_gates."heldOpenSeconds"), "updatedAt" = now()`,
        [deviceId, device.siteId, dto.zone ?? null, dto.heldOpenSeconds ?? null],
      );
      await this.audit.record(principal, { action: 'gate.settings_update', entityType: 'device', entityId: deviceId, siteId: device.siteId, after: { ...dto } }, m);
    });
    await this.state.changed('gate', deviceId);
    // The zone decides which default policies list the gate, so which faces its offline library holds.
    if (this.state.zoneOf(device) !== zoneBefore) await this.facelib.rescope(device.siteId);
    return this.settings(principal, deviceId);
  }

  private reachableGate(principal: Principal, deviceId: string) {
    const device = this.links.directory.get(deviceId);
    if (!device || device.kind !== 'gate' || !canReachSite(principal, device.siteId)) throw DomainError.notFound('gate', deviceId);
    return device;
  }
}
