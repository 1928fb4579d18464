import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { Principal, Role } from './principal';
import { TokenService } from './token.service';

/** Global guard: every HTTP endpoint needs a valid bearer token and one of its roles, unless @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: Principal }>();
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new DomainError('TOKEN_MISSING', 'unauthorized', 'Authorization: Bearer <access token> required');
    req.user = this.tokens.verifyAccess(m[1]).principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.user.role)) throw DomainError.forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
