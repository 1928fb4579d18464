import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, DomainError, isStaff, Principal, RateLimiter } from '@app/core';

/** face-write: enrol / withdraw a face; qr: mint a rotating entry code. */
export type FaceRateBucket = 'face-write' | 'qr';

const BUCKET = 'access:face-rate-bucket';

/**
 * Per account and per client IP, in a fixed window shared by every instance (the RateLimiter used
 * for sign-in): a stolen resident token cannot hammer the biometric endpoints or farm entry codes,
 * and neither can one address cycling through resident accounts. Staff enrol on residents' behalf
 * in bulk (a desk, an import) from one office address: their requests count against their own,
 * larger per-account limit only. Refused with 429 and Retry-After.
 */
export function FaceRateLimited(bucket: FaceRateBucket): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(BUCKET, bucket),
    UseGuards(FaceRateLimitGuard),
    ApiTooManyRequestsResponse({ description: 'rate-limited per account and per IP; see Retry-After' }),
  );
}

@Injectable()
export class FaceRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<FaceRateBucket | undefined>(BUCKET, ctx.getHandler());
    if (!bucket) return true;
    const req = ctx.switchToHttp().getRequest<{ user?: Principal; ip?: string }>();
    const l = this.config.face.limits;
    const staff = !!req.user && isStaff(req.user);
    const perAccount = bucket === 'qr' ? l.qrPerAccount : staff ? l.writesPerStaffAccount : l.writesPerAccount;
    if (!staff) {
      // 'trust proxy' decides what req.ip is (the api sits behind a proxy on loopback).
      const byIp = await this.limiter.hit(`${bucket}-ip`, req.ip ?? 'unknown', bucket === 'qr' ? l.qrPerIp : l.writesPerIp, l.windowSeconds);
      if (!byIp.allowed) throw tooMany(byIp.retryAfterSeconds);
    }
    // The auth guard (global) ran first: there is an account.
    const byAccount = await this.limiter.hit(`${bucket}-account`, req.user?.accountId ?? 'anonymous', perAccount, l.windowSeconds);
    if (!byAccount.allowed) throw tooMany(byAccount.retryAfterSeconds);
    return true;
  }
}

function tooMany(retryAfter: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', 'too_many_requests', `Too many requests; try again in ${retryAfter} s`, undefined, retryAfter);
}
