import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain-error';
import { AccessTokenClaims, claimsFromPrincipal, Principal, principalFromClaims, ROLES } from './principal';

/** Signs and verifies access tokens (HS256); used by HTTP guards and the websocket handshake alike. */
@Injectable()
export class TokenService {
  private readonly jwt = new JwtService({});

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  signAccess(p: Principal): { token: string; expiresAt: Date } {
    const ttl = this.config.auth.accessTtlSeconds;
    const token = this.jwt.sign({ ...claimsFromPrincipal(p) }, { secret: this.config.auth.accessSecret, expiresIn: ttl, algorithm: 'HS256' });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** Returns the principal and the token's expiry, or throws a 401 DomainError. */
  verifyAccess(token: string): { principal: Principal; expiresAt: Date } {
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = this.jwt.verify(token, { secret: this.config.auth.accessSecret, algorithms: ['HS256'] });
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new DomainError(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', 'unauthorized', expired ? 'Access token expired' : 'Access token invalid');
    }
    if (claims.typ !== 'access' || !ROLES.includes(claims.role) || typeof claims.sub !== 'string') {
      throw new DomainError('TOKEN_INVALID', 'unauthorized', 'Access token invalid');
    }
    return { principal: principalFromClaims(claims), expiresAt: new Date(claims.exp * 1000) };
  }
}
