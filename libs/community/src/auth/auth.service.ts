import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, DomainError, Principal, RateLimiter, TokenService } from '@app/core';
import { Account } from '../accounts/account.entity';
import { RefreshToken } from '../accounts/refresh-token.entity';
import { parseLoginIdentifier } from '../domain/login-identifier';
import { judgeRefresh } from '../domain/refresh-rotation';
import { verifyPassword } from './password-hasher';
import { PrincipalLoader } from './principal-loader.service';

export interface PublicUser {
  id: string;
  role: string;
  email: string | null;
  phone: string | null;
  residentId: string | null;
  staffId: string | null;
  siteIds: string[];
  unitIds: string[];
}

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: PublicUser;
}

const INVALID_LOGIN = new DomainError('INVALID_CREDENTIALS', 'unauthorized', 'Login or password is wrong');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalLoader,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
  ) {}

  async login(login: string, password: string, ip: string): Promise<TokenPair> {
    const { loginMaxPerAccount, loginMaxPerIp, loginWindowSeconds } = this.config.auth;
    const byIp = await this.limiter.hit('login-ip', ip, loginMaxPerIp, loginWindowSeconds);
    if (!byIp.allowed) throw tooMany(byIp.retryAfterSeconds);
    const id = parseLoginIdentifier(login);
    const accountKey = id ? `${id.kind}-${id.value}` : `raw-${sha256(login)}`;
    const byAccount = await this.limiter.peek('login-account', accountKey, loginMaxPerAccount);
    if (!byAccount.allowed) throw tooMany(byAccount.retryAfterSeconds);

    const account = id
      ? await this.accounts.createQueryBuilder('a').addSelect('a.passwordHash').where(`a.${id.kind} = :v`, { v: id.value }).getOne()
      : null;
    const ok = await verifyPassword(account?.passwordHash ?? null, password);
    const principal = ok && account ? await this.principals.load(account) : null;
    if (!account || !principal) {
      await this.limiter.hit('login-account', accountKey, loginMaxPerAccount, loginWindowSeconds);
      this.logger.warn({ accountId: account?.id }, 'login refused');
      throw INVALID_LOGIN;
    }
    await this.limiter.reset('login-account', accountKey);
    await this.accounts.update({ id: account.id }, { lastLoginAt: new Date() });
    await this.audit.record(principal, { action: 'auth.login', entityType: 'account', entityId: account.id });
    return this.issue(account, principal, randomUUID());
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new DomainError('REFRESH_INVALID', 'unauthorized', 'Refresh token invalid');
    const outcome = await this.db.transaction(async (m) => {
      const row = await m.getRepository(RefreshToken).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id: parsed.id }).getOne();
      if (!row || !safeEqualHex(row.tokenHash, sha256(refreshToken))) return { error: 'invalid' as const };
      const verdict = judgeRefresh(row, new Date());
      if (verdict.kind === 'reuse_detected') {
        await m.getRepository(RefreshToken).update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { error: 'reused' as const, accountId: row.accountId };
      }
      if (verdict.kind !== 'rotate') return { error: verdict.kind };
      await m.getRepository(RefreshToken).update({ id: row.id }, { usedAt: new Date() });
      return { row };
    });
    if ('error' in outcome) {
      if (outcome.error === 'reused') this.logger.warn({ accountId: outcome.accountId }, 'refresh token reuse: family revoked');
      const code = outcome.error === 'reused' ? 'REFRESH_REUSED' : outcome.error === 'expired' ? 'REFRESH_EXPIRED' : 'REFRESH_INVALID';
      throw new DomainError(code, 'unauthorized', outcome.error === 'reused' ? 'Refresh token was already used; all sessions of this login were signed out' : 'Refresh token invalid or expired');
    }
    const account = await this.accounts.findOneBy({ id: outcome.row.accountId });
    const principal = account ? await this.principals.load(account) : null;
    if (!account || !principal) throw new DomainError('REFRESH_INVALID', 'unauthorized', 'Account can no longer sign in');
    return this.issue(account, principal, outcome.row.familyId);
  }

  /** Revokes the refresh-token family of this login (other devices stay signed in). */
  async logout(principal: Principal, refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    const row = parsed ? await this.db.getRepository(RefreshToken).findOneBy({ id: parsed.id }) : null;
    if (!row || row.accountId !== principal.accountId || !safeEqualHex(row.tokenHash, sha256(refreshToken))) {
      throw new DomainError('REFRESH_INVALID', 'unauthorized', 'Refresh token invalid');
    }
    await this.db.getRepository(RefreshToken).update({ familyId: row.familyId }, { revokedAt: new Date() });
    await this.audit.record(principal, { action: 'auth.logout', entityType: 'account', entityId: principal.accountId });
  }

  async me(principal: Principal): Promise<PublicUser> {
    const account = await this.accounts.findOneBy({ id: principal.accountId });
    if (!account) throw DomainError.notFound('account');
    return toPublicUser(account, principal);
  }

  private async issue(account: Account, principal: Principal, familyId: string): Promise<TokenPair> {
    const access = this.tokens.signAccess(principal);
    const id = randomUUID();
    const refreshToken = `${id}.${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000);
    await this.db.getRepository(RefreshToken).insert({ id, accountId: account.id, familyId, tokenHash: sha256(refreshToken), expiresAt });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
      user: toPublicUser(account, principal),
    };
  }
}

function tooMany(retryAfter: number): DomainError {
  return new DomainError('TOO_MANY_LOGIN_ATTEMPTS', 'too_many_requests', `Too many login attempts; try again in ${retryAfter} s`, undefined, retryAfter);
}

function parseRefreshToken(t: string): { id: string } | null {
  const m = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(t);
  return m ? { id: m[1] } : null;
}

function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function toPublicUser(a: Account, p: Principal): PublicUser {
  return { id: a.id, role: a.role, email: a.email, phone: a.phone, residentId: a.residentId, staffId: a.staffId, siteIds: p.siteIds, unitIds: p.unitIds };
}
