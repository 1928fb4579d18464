import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { decodeEmbedding } from '@app/contracts/embedding';
import type { DeviceEventContext } from '@app/devices';
import {
  AccessCredential,
  AccessCredentialKind,
  AccessDecision,
  AccessOutcome,
  AccessThresholds,
  decideAccess,
  DENY_DISPLAY,
  isResidentQrToken,
  parseVisitorPassToken,
  planScanAnswer,
  ScanClaim,
  verifyResidentQr,
  visitorPassTokenMatches,
} from '../domain';
import type { FaceMatch } from '../matcher';
import { DeviceLinks } from '../links/device-links';
import { VisitorPassUses } from '../passes/visitor-pass-uses';
import { AccessState, PassEntry, PersonEntry } from '../state/access-state.service';
import { AccessLiveEvents } from './access-live-events';
import { AccessMetrics } from './access-metrics';
import { ScanClaimHandle, ScanClaims } from './scan-claims.service';

/** How long the door is released for a granted entry. */
const OPEN_DURATION_MS = 5000;

interface Judged {
  decision: AccessDecision;
  credential: AccessCredentialKind;
  entry?: PersonEntry;
  pass?: PassEntry;
  match?: FaceMatch | null;
  liveness?: number;
  detail?: string | null;
}

/**
 * The gate hot path: `access.face` and `access.qr` are decided from memory and answered with one
 * gate.open / gate.deny (requestId = event id) before the event is stored; the returned outcome is
 * stored with the event. `access.face_local` (the gate's own offline decision) is recorded as sent.
 */
@Injectable()
export class GateDecisionService implements OnModuleInit {
  private readonly logger = new Logger(GateDecisionService.name);
  private readonly thresholds: AccessThresholds;
  private readonly qrSecret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly links: DeviceLinks,
    private readonly state: AccessState,
    private readonly claims: ScanClaims,
    private readonly uses: VisitorPassUses,
    private readonly live: AccessLiveEvents,
    private readonly metrics: AccessMetrics,
  ) {
    this.thresholds = { match: config.face.matchThreshold, liveness: config.face.livenessThreshold };
    this.qrSecret = config.face.qrSecret;
  }

  onModuleInit(): void {
    const d = this.links.dispatcher;
    d.on('access.face', (ctx) => this.onFace(ctx));
    d.on('access.qr', (ctx) => this.onQr(ctx));
    d.on('access.face_local', (ctx) => this.onFaceLocal(ctx));
  }

  async onFace(ctx: DeviceEventContext<'access.face'>): Promise<AccessOutcome> {
    const started = process.hrtime.bigint();
    // Claimed first: the Redis round trip overlaps the match.
    const claim = this.claims.claim(ctx.device.id, ctx.event.id);
    const { data } = ctx.event;
    const siteId = ctx.device.siteId;
    let detail: string | null = null;
    let match: FaceMatch | null = null;
    if (data.liveness >= this.thresholds.liveness) {
      const vector = data.dim === this.state.faceDim ? decodeEmbedding(data.embedding, data.dim) : null;
      if (!vector) detail = data.dim === this.state.faceDim ? 'embedding is not a finite vector' : `embedding has ${data.dim} dims, ${this.state.faceDim} expected`;
      else match = this.state.matcher(siteId)?.search(vector) ?? null;
    }
    const entry = match && match.score >= this.thresholds.match ? this.personAt(this.state.person(match.personId), siteId) : undefined;
    const now = Date.now();
    const decision = decideAccess({
      credential: { kind: 'face', match, liveness: data.liveness },
      person: entry?.person ?? null,
      policies: this.state.policies(siteId),
      gate: this.state.gate(ctx.device),
      staffOverride: entry?.staffOverride,
      now,
      thresholds: this.thresholds,
    });
    return this.answer(ctx, started, claim, { decision, credential: 'face', entry, match, liveness: data.liveness, detail });
  }

  async onQr(ctx: DeviceEventContext<'access.qr'>): Promise<AccessOutcome> {
    const started = process.hrtime.bigint();
    const claim = this.claims.claim(ctx.device.id, ctx.event.id);
    const judged = await this.judgeQr(ctx);
    return this.answer(ctx, started, claim, judged);
  }

  onFaceLocal(ctx: DeviceEventContext<'access.face_local'>): AccessOutcome {
    const { data } = ctx.event;
    const entry = data.personId ? this.personAt(this.state.person(data.personId), ctx.device.siteId) : undefined;
    const outcome: AccessOutcome = {
      method: 'face_local',
      credential: 'face_local',
      result: data.decision,
      reason: data.reason ?? (data.decision === 'granted' ? 'offline' : 'unknown_face'),
      personId: data.personId ?? null,
      personKind: entry ? entry.person.kind : null,
      personName: entry?.fullName ?? null,
      unitIds: entry ? [...entry.unitIds] : [],
      hostResidentId: null,
      passId: null,
      visitorName: null,
      score: data.score,
      liveness: null,
      latencyUs: 0,
      command: null,
      silent: null,
      detail: null,
    };
    this.metrics.decisions.inc({ method: 'face_local', result: outcome.result, reason: outcome.reason });
    this.publishWhenStored(ctx, outcome);
    return outcome;
  }

  private async judgeQr(ctx: DeviceEventContext<'access.qr'>): Promise<Judged> {
    const token = ctx.event.data.token;
    const siteId = ctx.device.siteId;
    const now = Date.now();
    let credential: AccessCredential;
    let kind: AccessCredentialKind;
    let entry: PersonEntry | undefined;
    let pass: PassEntry | undefined;
    let detail: string | null = null;
    if (isResidentQrToken(token)) {
      const verification = verifyResidentQr(token, this.qrSecret, now);
      kind = 'resident_qr';
      credential = { kind: 'resident_qr', verification };
      if (verification.ok) entry = this.personAt(await this.state.personOrLoad(verification.residentId), siteId);
      else detail = verification.reason;
    } else {
      const parsed = parseVisitorPassToken(token);
      kind = parsed ? 'visitor_pass' : 'unknown_code';
      const found = parsed ? await this.state.passOrLoad(parsed.passId) : undefined;
      pass = found && found.siteId === siteId && visitorPassTokenMatches(token, found.tokenHash) ? found : undefined;
      if (!pass) detail = parsed ? 'unknown pass' : 'unrecognised code';
      credential = { kind: 'visitor_pass', pass: pass?.view ?? null };
      if (pass) entry = this.personAt(await this.state.personOrLoad(pass.view.hostPersonId), siteId);
    }
    const decision = decideAccess({
      credential,
      person: entry?.person ?? null,
      policies: this.state.policies(siteId),
      gate: this.state.gate(ctx.device),
      staffOverride: entry?.staffOverride,
      now,
      thresholds: this.thresholds,
    });
    return { decision, credential: kind, entry, pass, detail };
  }

  /** Sends the one door command of a scan (unless it was answered before) and builds its outcome. */
  private async answer(ctx: DeviceEventContext<'access.face' | 'access.qr'>, started: bigint, claim: ScanClaimHandle, j: Judged): Promise<AccessOutcome> {
    const deviceId = ctx.device.id;
    const method = ctx.event.type === 'access.face' ? 'face' : 'qr';
    const eventTs = Date.parse(ctx.event.ts);
    let decision = j.decision;
    const plan = planScanAnswer({ claim: await this.settle(claim), redelivered: ctx.redelivered, eventTs, now: Date.now() });
    if (!plan.answer) {
      this.metrics.silent.inc({ why: plan.why });
      // A redelivery stores what the first delivery answered, when it is still known.
      const before = plan.why === 'already_answered' ? await this.claims.previous(deviceId, ctx.event.id) : null;
      return { ...(before ?? this.outcome(method, j, decision, 0, null)), silent: plan.why };
    }
    if (decision.decision === 'granted' && decision.consumePassUse && decision.passId) {
      const taken = await this.uses.take(decision.passId);
      if (taken === null) decision = { decision: 'denied', reason: 'pass_used_up', display: DENY_DISPLAY.pass_used_up, personId: null, passId: decision.passId };
      else this.state.noteUse(decision.passId, taken);
    }
    const commands = this.links.commands;
    const latencyUs = Number(process.hrtime.bigint() - started) / 1000;
    let sent;
    if (decision.decision === 'granted') {
      const personId = decision.personId ?? undefined;
      sent = await commands.sendFast(deviceId, 'gate.open', { durationMs: OPEN_DURATION_MS, display: decision.display, ...(personId ? { personId } : {}) }, { requestId: ctx.event.id, onWritten: () => this.claims.noteGrant(deviceId) });
    } else {
      sent = await commands.sendFast(deviceId, 'gate.deny', { reason: decision.reason, display: decision.display }, { requestId: ctx.event.id });
    }
    const outcome = this.outcome(method, j, decision, latencyUs, { id: sent.command.id, type: sent.command.type as 'gate.open' | 'gate.deny', status: sent.status });
    this.claims.answered(deviceId, ctx.event.id, outcome);
    this.metrics.decisions.inc({ method, result: outcome.result, reason: outcome.reason });
    this.metrics.latency.observe({ method }, latencyUs / 1e6);
    this.publishWhenStored(ctx, outcome);
    return outcome;
  }

  /**
   * The claim as far as the answer needs it: known already, or awaited (it was started before the
   * match, so this is the tail of one Redis round trip; ScanClaims bounds it when Redis is down).
   */
  private settle(claim: ScanClaimHandle): ScanClaim | Promise<ScanClaim> {
    return claim.result ?? claim.settled;
  }

  private outcome(method: 'face' | 'qr', j: Judged, decision: AccessDecision, latencyUs: number, command: AccessOutcome['command']): AccessOutcome {
    const pass = j.pass;
    // For a pass, the person at the gate is the visitor; the entry is the host.
    const person = pass ? undefined : decision.personId ? (j.entry ?? this.state.person(decision.personId)) : undefined;
    return {
      method,
      credential: j.credential,
      result: decision.decision,
      reason: decision.reason,
      personId: decision.personId,
      personKind: pass ? 'visitor' : person ? person.person.kind : null,
      personName: person?.fullName ?? null,
      unitIds: pass ? [pass.unitId] : person ? [...person.unitIds] : [],
      hostResidentId: pass ? pass.view.hostPersonId : null,
      passId: pass ? pass.view.id : null,
      visitorName: pass ? pass.view.visitorName : null,
      score: j.match ? round4(j.match.score) : null,
      liveness: j.liveness ?? null,
      latencyUs: Math.round(latencyUs),
      command,
      silent: null,
      detail: j.detail ?? null,
    };
  }

  /** The person, if they may be let in at this site at all (people of other sites are strangers here). */
  private personAt(entry: PersonEntry | undefined, siteId: string): PersonEntry | undefined {
    return entry && entry.siteIds.includes(siteId) ? entry : undefined;
  }

  /** The live feed shows a decision once the access log holds it (not again for a stored duplicate). */
  private publishWhenStored(ctx: DeviceEventContext, outcome: AccessOutcome): void {
    ctx.afterStored((inserted) => inserted && this.live.published(this.ids(ctx), outcome));
  }

  private ids(ctx: DeviceEventContext): { eventId: string; deviceId: string; siteId: string; at: Date } {
    return { eventId: ctx.event.id, deviceId: ctx.device.id, siteId: ctx.device.siteId, at: ctx.receivedAt };
  }
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
