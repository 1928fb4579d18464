import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom, race, timer, map, from, switchMap, takeWhile, last } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, canReachSite, DomainError, isStaff, Principal } from '@app/core';
import { AccessOutcome, decideAccess } from '../domain';
import { AccessLiveEvents } from '../gate/access-live-events';
import { ScanClaims } from '../gate/scan-claims.service';
import { DeviceLinks } from '../links/device-links';
import { AccessState } from '../state/access-state.service';
import { RemoteOpenDto, RemoteOpenView } from './dto/gates.dto';

/** A remote open lives this long: a late command can never open the door. */
const REMOTE_OPEN_TTL_MS = 5000;
const FINAL = new Set(['acked', 'failed', 'expired', 'timeout', 'superseded']);

/**
 * Remote opens: staff (with a reason) for any gate of their sites, a resident for a gate their
 * policies let them through right now. Audited, recorded in the access log as an `access.remote`
 * entry, and answered with what the gate did (its ack) or did not do within the command's life.
 */
@Injectable()
export class RemoteOpenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly links: DeviceLinks,
    private readonly state: AccessState,
    private readonly claims: ScanClaims,
    private readonly live: AccessLiveEvents,
  ) {}

  async open(principal: Principal, gateId: string, dto: RemoteOpenDto): Promise<RemoteOpenView> {
    const device = this.links.directory.get(gateId);
    const reachable = device && device.kind === 'gate' && (principal.role === 'resident' ? principal.siteIds.includes(device.siteId) : canReachSite(principal, device.siteId));
    if (!device || !reachable) throw DomainError.notFound('gate', gateId);
    let personId: string | null = null;
    let unitIds: string[] = [];
    let personName: string | null = null;
    if (principal.role === 'resident') {
      const entry = await this.state.personOrLoad(principal.residentId!);
      const person = entry && entry.siteIds.includes(device.siteId) ? entry.person : null;
      // The same rules as the resident's own code at this gate, now.
      const decision = decideAccess({
        credential: { kind: 'resident_qr', verification: { ok: true, residentId: principal.residentId!, step: 0 } },
        person,
        policies: this.state.policies(device.siteId),
        gate: this.state.gate(device),
        now: Date.now(),
        thresholds: { match: this.config.face.matchThreshold, liveness: this.config.face.livenessThreshold },
      });
      if (decision.decision === 'denied') throw new DomainError('GATE_NOT_ALLOWED', 'forbidden', `You may not open this gate now (${decision.reason})`, { reason: decision.reason });
      personId = principal.residentId!;
      unitIds = [...(entry?.unitIds ?? [])];
      personName = entry?.fullName ?? null;
    } else if (isStaff(principal)) {
      if (!dto.reason) throw DomainError.badRequest('reason is required for a remote open by staff', [{ field: 'reason', reason: 'is required for staff' }]);
      personId = principal.staffId ?? null;
    }
    const eventId = randomUUID();
    const at = new Date();
    this.claims.noteGrant(gateId);
    const command = await this.links.commands.send(
      gateId,
      'gate.open',
      { durationMs: dto.durationMs ?? 5000, display: 'Opened remotely', ...(principal.residentId ? { personId: principal.residentId } : {}) },
      { ttlMs: REMOTE_OPEN_TTL_MS, requestId: eventId, actor: principal },
    );
    const outcome: AccessOutcome = {
      method: 'remote',
      credential: 'remote',
      result: 'granted',
      reason: 'remote_open',
      personId,
      personKind: principal.role === 'resident' ? 'resident' : 'staff',
      personName,
      unitIds,
      hostResidentId: null,
      passId: null,
      visitorName: null,
      score: null,
      liveness: null,
      latencyUs: 0,
      command: { id: command.id, type: 'gate.open', status: command.status === 'failed' ? 'failed' : 'sent' },
      silent: null,
      detail: dto.reason ?? null,
      actorAccountId: principal.accountId,
    };
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO device_events ("deviceId", "eventId", "siteId", type, "deviceTs", "receivedAt", data, outcome) VALUES ($1, $2, $3, 'access.remote', $4, $4, $5, $6)`,
        [gateId, eventId, device.siteId, at, { reason: dto.reason ?? null, byAccountId: principal.accountId, role: principal.role }, outcome],
      );
      await this.audit.record(principal, { action: 'gate.remote_open', entityType: 'device', entityId: gateId, siteId: device.siteId, after: { reason: dto.reason ?? null, commandId: command.id, eventId } }, m);
    });
    this.live.published({ eventId, deviceId: gateId, siteId: device.siteId, at }, outcome);
    const result = await this.waitForResult(command.id, command.status, REMOTE_OPEN_TTL_MS + 1500);
    return { eventId, commandId: command.id, status: result.status, error: result.error, expiresAt: command.expiresAt.toISOString() };
  }

  /** The command's settled status: from this instance's ack stream, or the row (an ack handled elsewhere). */
  private async waitForResult(commandId: string, initial: string, timeoutMs: number): Promise<{ status: string; error: { code: string; message?: string } | null }> {
    if (FINAL.has(initial)) return { status: initial, error: null };
    const fromStream = this.links.results.results$.pipe(
      filter((r) => r.commandId === commandId && FINAL.has(r.status)),
      map((r) => ({ status: r.status as string, error: r.error })),
    );
    const fromRow = timer(250, 250).pipe(
      switchMap(() => from(this.row(commandId))),
      takeWhile((r) => !FINAL.has(r.status), true),
      last(),
    );
    const timeout = timer(timeoutMs).pipe(switchMap(() => from(this.row(commandId))));
    return firstValueFrom(race(fromStream, fromRow, timeout));
  }

  private async row(commandId: string): Promise<{ status: string; error: { code: string; message?: string } | null }> {
    const [r] = (await this.db.query(`SELECT status, error FROM device_commands WHERE id = $1`, [commandId])) as { status: string; error: { code: string; message?: string } | null }[];
    return r ?? { status: 'sent', error: null };
  }
}
