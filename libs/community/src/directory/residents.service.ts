import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, decodeCursor, DEFAULT_PAGE_LIMIT, DomainError, FieldProblem, Page, Principal, toPage } from '@app/core';
import { Account } from '../accounts/account.entity';
import { hashPassword } from '../auth/password-hasher';
import { normalizeEmail, normalizePhone } from '../domain/login-identifier';
import { CreateResidentDto, ResidentQueryDto, UpdateResidentDto } from './dto/resident.dto';
import { assertLoginsFree, assertResidentPhoneFree } from './login-conflicts';
import { loadResidentViews, ResidentView } from './resident-views';
import { Resident } from './resident.entity';
import { assertReach, likePattern, listSites } from './site-scope';
import { UnitMembership } from './unit-membership.entity';
import { Unit } from './unit.entity';

const PHONE_LIKE = /^[\d\s()+.-]+$/;

/** Listing, reading, creating and editing residents (and their logins). */
@Injectable()
export class ResidentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, q: ResidentQueryDto): Promise<Page<ResidentView>> {
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const sites = listSites(principal, q.siteId);
    if (sites?.length === 0) return { items: [], nextCursor: null };
    const qb = this.db.getRepository(Resident).createQueryBuilder('r').orderBy('r.fullName', 'ASC').addOrderBy('r.id', 'ASC').limit(limit + 1);
    if (sites) qb.andWhere('r.siteId IN (:...sites)', { sites });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.unitId) qb.andWhere(`EXISTS (SELECT 1 FROM unit_memberships fm WHERE fm."residentId" = r.id AND fm.active AND fm."unitId" = :unitId)`, { unitId: q.unitId });
    if (q.buildingId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM unit_memberships fm JOIN units fu ON fu.id = fm."unitId" WHERE fm."residentId" = r.id AND fm.active AND fu."buildingId" = :buildingId)`, { buildingId: q.buildingId });
    }
    if (q.q) {
      const text = q.q.trim();
      const digits = text.replace(/\D/g, '');
      const byPhone = PHONE_LIKE.test(text) && digits.length >= 3 ? ' OR r.phone LIKE :digits' : '';
      qb.andWhere(
        `(r.fullName ILIKE :like OR r.email ILIKE :like${byPhone}
          OR EXISTS (SELECT 1 FROM unit_memberships sm JOIN units su ON su.id = sm."unitId" WHERE sm."residentId" = r.id AND sm.active AND su.number ILIKE :like))`,
        { like: likePattern(text), digits: `%${digits}%` },
      );
    }
    if (after) qb.andWhere('(r.fullName, r.id) > (:v, :id)', { v: String(after.v), id: after.id });
    const page = toPage(await qb.getMany(), limit, (r) => ({ v: r.fullName, id: r.id }));
    return { items: await loadResidentViews(this.db.manager, page.items, true), nextCursor: page.nextCursor };
  }

  /** Staff see residents of their sites; a resident sees only members of their own household. */
  async get(principal: Principal, id: string): Promise<ResidentView> {
    const r = await this.db.getRepository(Resident).findOneBy({ id });
    if (!r) throw DomainError.notFound('resident', id);
    if (principal.role === 'resident') {
      if (!(await this.sharesHousehold(principal.residentId, id))) throw DomainError.notFound('resident', id);
      return (await loadResidentViews(this.db.manager, [r], false))[0];
    }
    assertReach(principal, r.siteId, 'resident', id);
    return (await loadResidentViews(this.db.manager, [r], true))[0];
  }

  async create(principal: Principal, dto: CreateResidentDto): Promise<ResidentView> {
    const phone = dto.phone ? normalizePhone(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    const problems: FieldProblem[] = [];
    if (!phone && !email) problems.push({ field: 'phone', reason: 'phone or email is required (it becomes the login)' });
    const unitIds = dto.units.map((u) => u.unitId);
    unitIds.forEach((u, i) => {
      if (unitIds.indexOf(u) !== i) problems.push({ field: `units.${i}.unitId`, reason: 'lists the same unit twice' });
    });
    if (problems.length) throw DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);
    // Hash outside the transaction: argon2 is slow on purpose and must not hold a connection.
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;

    const id = await this.db.transaction(async (m) => {
      const units = await this.reachableUnits(m, principal, unitIds);
      const siteId = units[0].siteId;
      if (units.some((u) => u.siteId !== siteId)) throw DomainError.badRequest('units must all belong to one site', [{ field: 'units', reason: 'must all belong to one site' }]);
      await assertResidentPhoneFree(m, siteId, phone);
      await assertLoginsFree(m, { phone, email });
      const resident = await m.getRepository(Resident).save(m.getRepository(Resident).create({ siteId, fullName: dto.fullName.trim(), phone, email, status: 'active' }));
      await m.getRepository(UnitMembership).insert(dto.units.map((u) => ({ residentId: resident.id, unitId: u.unitId, relation: u.relation, active: true })));
      const account = await m.getRepository(Account).save(m.getRepository(Account).create({ role: 'resident', phone, email, residentId: resident.id, passwordHash }));
      await this.audit.record(
        principal,
        { action: 'resident.create', entityType: 'resident', entityId: resident.id, siteId, after: { ...resident, units: dto.units.map((u) => ({ ...u })), accountId: account.id, passwordSet: passwordHash !== null } },
        m,
      );
      return resident.id;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateResidentDto): Promise<ResidentView> {
    await this.db.transaction(async (m) => {
      const r = await this.reachableResident(m, principal, id);
      const account = await m.getRepository(Account).findOneBy({ residentId: id });
      const phone = dto.phone !== undefined ? normalizePhone(dto.phone) : r.phone;
      const email = dto.email !== undefined ? normalizeEmail(dto.email) : r.email;
      if (phone !== r.phone) await assertResidentPhoneFree(m, r.siteId, phone, id);
      await assertLoginsFree(m, { phone: phone !== r.phone ? phone : null, email: email !== r.email ? email : null }, account?.id);
      const before = { ...r };
      const saved = await m.getRepository(Resident).save(m.getRepository(Resident).merge(r, { fullName: dto.fullName?.trim() ?? r.fullName, phone, email }));
      // The login follows the contact details: a new phone number is the new login.
      if (account && (account.phone !== phone || account.email !== email)) await m.getRepository(Account).update({ id: account.id }, { phone, email });
      await this.audit.record(principal, { action: 'resident.update', entityType: 'resident', entityId: id, siteId: r.siteId, before, after: { ...saved } }, m);
    });
    return this.get(principal, id);
  }

  /** Sets a resident's password (imported residents have none), creating the login if missing. */
  async setPassword(principal: Principal, id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      const r = await this.reachableResident(m, principal, id);
      let account = await m.getRepository(Account).findOneBy({ residentId: id });
      if (!account) {
        if (!r.phone && !r.email) throw new DomainError('RESIDENT_HAS_NO_LOGIN', 'conflict', 'Resident has neither phone nor e-mail to sign in with; add one first');
        await assertLoginsFree(m, { phone: r.phone, email: r.email });
        account = await m.getRepository(Account).save(m.getRepository(Account).create({ role: 'resident', phone: r.phone, email: r.email, residentId: id, passwordHash }));
      } else {
        await m.getRepository(Account).update({ id: account.id }, { passwordHash });
      }
      await this.audit.record(principal, { action: 'resident.password_set', entityType: 'resident', entityId: id, siteId: r.siteId, after: { accountId: account.id } }, m);
    });
  }

  /** Whether `target` is the resident themself or lives in one of their units (active memberships, read now). */
  async sharesHousehold(residentId: string | undefined, target: string): Promise<boolean> {
    if (!residentId) return false;
    if (residentId === target) return true;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM unit_memberships mine JOIN unit_memberships theirs ON theirs."unitId" = mine."unitId"
        WHERE mine."residentId" = $1 AND mine.active AND theirs."residentId" = $2 AND theirs.active LIMIT 1`,
      [residentId, target],
    );
    return rows.length > 0;
  }

  async reachableResident(m: EntityManager, principal: Principal, id: string): Promise<Resident> {
    const r = await m.getRepository(Resident).findOneBy({ id });
    if (!r) throw DomainError.notFound('resident', id);
    assertReach(principal, r.siteId, 'resident', id);
    return r;
  }

  /** Units named in a body: unknown and unreachable ones get the same 400, so neither is revealed. */
  private async reachableUnits(m: EntityManager, principal: Principal, ids: string[]): Promise<Unit[]> {
    const found = await m.getRepository(Unit).findBy({ id: In(ids) });
    const problems = ids.flatMap((id, i) => {
      const u = found.find((x) => x.id === id);
      return u && (principal.role === 'admin' || principal.siteIds.includes(u.siteId)) ? [] : [{ field: `units.${i}.unitId`, reason: 'is not a unit of a site you manage' }];
    });
    if (problems.length) throw DomainError.badRequest(`Validation failed: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);
    return ids.map((id) => found.find((u) => u.id === id)!);
  }
}
