import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, canReachSite, DomainError, isStaff, Principal } from '@app/core';
import { base64LengthForDim } from '@app/contracts';
import { decodeEmbedding, normalize } from '@app/contracts/embedding';
import { ResidentEvents, ResidentMovedOut } from '@app/community';
import { FacelibSyncService } from '../facelib/facelib-sync.service';
import { FacelibChange } from '../facelib/facelib-change.entity';
import { templateBytes } from '../state/access-directory.reader';
import { AccessState } from '../state/access-state.service';
import { EnrolFaceDto, FaceStatusView, WithdrawFaceDto } from './dto/face.dto';
import { FaceConsent } from './face-consent.entity';
import { FaceTemplate } from './face-template.entity';

interface ResidentRef {
  id: string;
  siteId: string;
  status: 'active' | 'moved_out';
}

/**
 * Face enrolment with consent, withdrawal, and the clean-up on moving out. A change is committed
 * (template, consent trail, face-library change, audit) and then applied to this instance's
 * matcher at once and broadcast to the others; the gates' offline libraries follow by facelib.sync.
 * The template never leaves this service except into the matcher and the gates' sync.
 */
@Injectable()
export class FaceEnrolmentService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FaceEnrolmentService.name);
  private stopMovedOut?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly state: AccessState,
    private readonly facelib: FacelibSyncService,
    private readonly residentEvents: ResidentEvents,
  ) {}

  onModuleInit(): void {
    this.stopMovedOut = this.residentEvents.onMovedOut((e) => this.onMovedOut(e));
  }

  onModuleDestroy(): void {
    this.stopMovedOut?.();
  }

  async status(principal: Principal, residentId: string): Promise<FaceStatusView> {
    await this.reachable(principal, residentId);
    const template = await this.db.getRepository(FaceTemplate).findOneBy({ residentId });
    const consents = await this.db.getRepository(FaceConsent).find({ where: { residentId }, order: { at: 'DESC' }, take: 50 });
    return {
      residentId,
      enrolled: !!template,
      enrolledAt: template?.enrolledAt.toISOString() ?? null,
      consents: consents.map((c) => ({ action: c.action, noticeVersion: c.noticeVersion, channel: c.channel, actorRole: c.actorRole, at: c.at.toISOString() })),
    };
  }

  async enrol(principal: Principal, residentId: string, dto: EnrolFaceDto): Promise<FaceStatusView> {
    const resident = await this.reachable(principal, residentId);
    if (resident.status !== 'active') throw new DomainError('RESIDENT_MOVED_OUT', 'conflict', 'A resident who moved out cannot enrol a face');
    if (!dto.consent || dto.consent.given !== true) {
      throw new DomainError('FACE_CONSENT_REQUIRED', 'unprocessable', 'Face enrolment needs the resident’s explicit consent (consent.given = true with the notice version and channel)');
    }
    const unit = this.template(dto.embedding);
    const at = new Date();
    await this.db.transaction(async (m) => {
      await m.getRepository(FaceTemplate).upsert({ residentId, siteId: resident.siteId, dim: unit.length, template: templateBytes(unit), enrolledAt: at, enrolledByAccountId: principal.accountId }, ['residentId']);
      await m.getRepository(FaceConsent).insert({
        residentId,
        siteId: resident.siteId,
        action: 'given',
        noticeVersion: dto.consent!.noticeVersion,
        channel: dto.consent!.channel,
        actorAccountId: principal.accountId,
        actorRole: principal.role,
        at,
      });
      await m.getRepository(FacelibChange).insert({ siteId: resident.siteId, residentId, op: 'upsert' });
      // The audit entry says that a face was enrolled, never what it looks like.
      await this.audit.record(principal, { action: 'face.enrol', entityType: 'resident', entityId: residentId, siteId: resident.siteId, after: { noticeVersion: dto.consent!.noticeVersion, channel: dto.consent!.channel } }, m);
    });
    await this.state.faceChanged(residentId, resident.siteId, unit);
    this.facelib.siteChanged(resident.siteId);
    return this.status(principal, residentId);
  }

  async withdraw(principal: Principal, residentId: string, dto: WithdrawFaceDto): Promise<FaceStatusView> {
    const resident = await this.reachable(principal, residentId);
    const channel = dto.channel ?? (principal.role === 'resident' ? 'app' : 'console');
    const removed = await this.db.transaction(async (m) => {
      const gone = await this.removeFace(m, resident, channel, principal.accountId, principal.role);
      if (gone) await this.audit.record(principal, { action: 'face.withdraw', entityType: 'resident', entityId: residentId, siteId: resident.siteId, after: { channel } }, m);
      return gone;
    });
    if (!removed) throw new DomainError('FACE_NOT_ENROLLED', 'not_found', 'This resident has no enrolled face');
    await this.state.faceChanged(residentId, resident.siteId, null);
    this.facelib.siteChanged(resident.siteId);
    return this.status(principal, residentId);
  }

  /** Moving out ends every credential: the face (consent trail kept), the resident's passes; the code dies with the status. */
  async onMovedOut(e: ResidentMovedOut): Promise<void> {
    const resident: ResidentRef = { id: e.residentId, siteId: e.siteId, status: 'moved_out' };
    const { face, passIds } = await this.db.transaction(async (m) => {
      const face = await this.removeFace(m, resident, 'move_out', null, 'system');
      const revoked: { id: string }[] = await m.query(
        `UPDATE visitor_passes SET status = 'revoked', "revokedAt" = $2 WHERE "hostResidentId" = $1 AND status = 'active' RETURNING id`,
        [e.residentId, e.at],
      ).then((r: [{ id: string }[], number]) => r[0]);
      if (face || revoked.length) {
        await this.audit.record(null, { action: 'access.credentials_revoked', entityType: 'resident', entityId: e.residentId, siteId: e.siteId, after: { face, visitorPasses: revoked.map((p) => p.id) } }, m);
      }
      return { face, passIds: revoked.map((p) => p.id) };
    });
    if (face) {
      await this.state.faceChanged(e.residentId, e.siteId, null);
      this.facelib.siteChanged(e.siteId);
    } else {
      await this.state.changed('person', e.residentId);
    }
    for (const id of passIds) await this.state.changed('pass', id);
    this.logger.log({ residentId: e.residentId, face, passes: passIds.length }, 'access credentials of a moved-out resident revoked');
  }

  /** Deletes the template and records the withdrawal; false when there was no template. */
  private async removeFace(m: EntityManager, r: ResidentRef, channel: string, actorAccountId: string | null, actorRole: string): Promise<boolean> {
    const res = await m.getRepository(FaceTemplate).delete({ residentId: r.id });
    if (!res.affected) return false;
    await m.getRepository(FaceConsent).insert({ residentId: r.id, siteId: r.siteId, action: 'withdrawn', noticeVersion: null, channel, actorAccountId, actorRole, at: new Date() });
    await m.getRepository(FacelibChange).insert({ siteId: r.siteId, residentId: r.id, op: 'remove' });
    return true;
  }

  /** The resident for themselves; staff of the resident's site on their behalf; anything else is not found. */
  private async reachable(principal: Principal, residentId: string): Promise<ResidentRef> {
    const [r] = (await this.db.query(`SELECT id, "siteId", status FROM residents WHERE id = $1`, [residentId])) as ResidentRef[];
    const mayAct = r && (principal.role === 'resident' ? principal.residentId === r.id : isStaff(principal) && canReachSite(principal, r.siteId));
    if (!mayAct) throw DomainError.notFound('resident', residentId);
    return r;
  }

  private template(embedding: string): Float32Array {
    const dim = this.config.face.dim;
    const vector = decodeEmbedding(embedding, dim);
    if (!vector) {
      const reason = `must be base64 of ${dim} float32 little-endian values (${base64LengthForDim(dim)} characters), all finite`;
      throw DomainError.badRequest(`embedding ${reason}`, [{ field: 'embedding', reason }]);
    }
    const unit = normalize(vector);
    if (!unit) throw DomainError.badRequest('embedding must not be a zero vector', [{ field: 'embedding', reason: 'must not be a zero vector' }]);
    return unit;
  }
}
