import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, FieldProblem, Page, Principal, toPage } from '@app/core';
import { Account } from '../accounts/account.entity';
import { RefreshToken } from '../accounts/refresh-token.entity';
import { hashPassword } from '../auth/password-hasher';
import { normalizeEmail, normalizePhone } from '../domain/login-identifier';
import { roleForPosition } from '../domain/roles';
import { canManageStaff, canSeeStaff, canSetShift } from '../domain/staff-permissions';
import { CreateStaffDto, StaffQueryDto, UpdateStaffDto } from './dto/staff.dto';
import { assertLoginsFree } from './login-conflicts';
import { likePattern, listSites } from './site-scope';
import { Site } from './site.entity';
import { StaffMember } from './staff-member.entity';

export interface StaffView extends StaffMember {
  account: { id: string; role: string; disabled: boolean; passwordSet: boolean } | null;
}

const cannotManage = () => DomainError.forbidden('Managers manage technicians and managers of their own sites only');

@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, q: StaffQueryDto): Promise<Page<StaffView>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const sites = listSites(principal, q.siteId);
    if (sites?.length === 0) return { items: [], nextCursor: null };
    const qb = this.db.getRepository(StaffMember).createQueryBuilder('s').orderBy('s.fullName', 'ASC').addOrderBy('s.id', 'ASC').limit(limit + 1);
    if (sites) qb.andWhere('s.siteIds && CAST(:sites AS uuid[])', { sites });
    if (q.position) qb.andWhere('s.position = :position', { position: q.position });
    if (q.skill) qb.andWhere(':skill = ANY(s.skills)', { skill: q.skill });
    if (q.onShift !== undefined) qb.andWhere('s.onShift = :onShift', { onShift: q.onShift });
    if (q.q) qb.andWhere('(s.fullName ILIKE :like OR s.email ILIKE :like OR s.phone LIKE :like)', { like: likePattern(q.q.trim()) });
    if (after) qb.andWhere('(s.fullName, s.id) > (:v, :id)', { v: String(after.v), id: after.id });
    const page = toPage(await qb.getMany(), limit, (s) => ({ v: s.fullName, id: s.id }));
    return { items: await this.views(this.db.manager, page.items), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<StaffView> {
    return (await this.views(this.db.manager, [await this.visible(this.db.manager, principal, id)]))[0];
  }

  async create(principal: Principal, dto: CreateStaffDto): Promise<StaffView> {
    const phone = dto.phone ? normalizePhone(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    if (!phone && !email) throw DomainError.badRequest('Validation failed: phone or email is required', [{ field: 'phone', reason: 'phone or email is required (it becomes the login)' }]);
    const siteIds = [...new Set(dto.siteIds)];
    if (!canManageStaff(principal, { position: dto.position, siteIds })) throw cannotManage();
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    const id = await this.db.transaction(async (m) => {
      await this.assertSitesExist(m, siteIds);
      await assertLoginsFree(m, { phone, email });
      const staff = await m.getRepository(StaffMember).save(
        m.getRepository(StaffMember).create({ fullName: dto.fullName.trim(), phone, email, position: dto.position, skills: [...new Set(dto.skills)], siteIds, onShift: dto.onShift ?? false, active: true }),
      );
      const account = await m.getRepository(Account).save(m.getRepository(Account).create({ role: roleForPosition(dto.position), phone, email, staffId: staff.id, passwordHash }));
      await this.audit.record(principal, { action: 'staff.create', entityType: 'staff', entityId: staff.id, siteId: siteIds[0], after: { ...staff, accountId: account.id } }, m);
      return staff.id;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateStaffDto): Promise<StaffView> {
    await this.db.transaction(async (m) => {
      const s = await this.visible(m, principal, id);
      const next = { position: dto.position ?? s.position, siteIds: dto.siteIds ? [...new Set(dto.siteIds)] : s.siteIds };
      // Both who they are and who they would become must be within the actor's reach.
      if (!canManageStaff(principal, s) || !canManageStaff(principal, next)) throw cannotManage();
      if (dto.siteIds) await this.assertSitesExist(m, next.siteIds);
      const account = await m.getRepository(Account).findOneBy({ staffId: id });
      const phone = dto.phone !== undefined ? normalizePhone(dto.phone) : s.phone;
      const email = dto.email !== undefined ? normalizeEmail(dto.email) : s.email;
      await assertLoginsFree(m, { phone: phone !== s.phone ? phone : null, email: email !== s.email ? email : null }, account?.id);
      const before = { ...s };
      const saved = await m.getRepository(StaffMember).save(
        m.getRepository(StaffMember).merge(s, {
          fullName: dto.fullName?.trim() ?? s.fullName,
          phone,
          email,
          position: next.position,
          siteIds: next.siteIds,
          skills: dto.skills ? [...new Set(dto.skills)] : s.skills,
          onShift: dto.onShift ?? s.onShift,
          active: dto.active ?? s.active,
        }),
      );
      if (account) {
        await m.getRepository(Account).update({ id: account.id }, { phone, email, role: roleForPosition(saved.position), disabled: !saved.active });
        if (!saved.active) await m.getRepository(RefreshToken).update({ accountId: account.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      await this.audit.record(principal, { action: 'staff.update', entityType: 'staff', entityId: id, siteId: saved.siteIds[0] ?? null, before, after: { ...saved } }, m);
    });
    return this.get(principal, id);
  }

  /** Technicians flip their own flag; managers and admins anyone they manage. */
  async setShift(principal: Principal, id: string, onShift: boolean): Promise<StaffView> {
    await this.db.transaction(async (m) => {
      const s = await this.visible(m, principal, id);
      if (!canSetShift(principal, s)) throw DomainError.forbidden('You may change only your own shift');
      if (s.onShift !== onShift) {
        await m.getRepository(StaffMember).update({ id }, { onShift });
        await this.audit.record(principal, { action: 'staff.shift', entityType: 'staff', entityId: id, siteId: s.siteIds[0] ?? null, before: { onShift: s.onShift }, after: { onShift } }, m);
      }
    });
    return this.get(principal, id);
  }

  private async visible(m: EntityManager, principal: Principal, id: string): Promise<StaffMember> {
    const s = await m.getRepository(StaffMember).findOneBy({ id });
    if (!s || !canSeeStaff(principal, s)) throw DomainError.notFound('staff member', id);
    return s;
  }

  private async assertSitesExist(m: EntityManager, siteIds: string[]): Promise<void> {
    const found = new Set((await m.getRepository(Site).find({ where: { id: In(siteIds) }, select: { id: true } })).map((s) => s.id));
    const problems: FieldProblem[] = siteIds.flatMap((id, i) => (found.has(id) ? [] : [{ field: `siteIds.${i}`, reason: 'is not a known site' }]));
    if (problems.length) throw DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);
  }

  private async views(m: EntityManager, staff: StaffMember[]): Promise<StaffView[]> {
    if (!staff.length) return [];
    const accounts: { id: string; staffId: string; role: string; disabled: boolean; passwordSet: boolean }[] = await m.query(
      `SELECT id, "staffId", role, disabled, "passwordHash" IS NOT NULL AS "passwordSet" FROM accounts WHERE "staffId" = ANY($1)`,
      [staff.map((s) => s.id)],
    );
    return staff.map((s) => {
      const a = accounts.find((x) => x.staffId === s.id);
      return { ...s, account: a ? { id: a.id, role: a.role, disabled: a.disabled, passwordSet: a.passwordSet } : null };
    });
  }
}
