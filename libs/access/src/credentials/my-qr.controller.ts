import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, CurrentUser, DomainError, Principal } from '@app/core';
import { mintResidentQr } from '../domain';
import { FaceRateLimited } from './face-rate-limit.guard';

export interface MyQrView {
  token: string;
  /** Show a fresh code from this instant on. */
  refreshAt: string;
  /** No gate accepts this code after this instant. */
  expiresAt: string;
}

@ApiTags('access')
@ApiBearerAuth()
@Controller('me/qr')
export class MyQrController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @FaceRateLimited('qr')
  @ApiOperation({ summary: 'Your rotating entry code (30 s steps, ±1 accepted): the credential that needs no face' })
  get(@CurrentUser() user: Principal): MyQrView {
    // Staff get one too: with the lockdown override, it is how security passes a locked-down gate.
    const personId = user.residentId ?? user.staffId;
    if (!personId) throw DomainError.forbidden('This account has no person to admit');
    const qr = mintResidentQr(this.config.face.qrSecret, personId, Date.now());
    return { token: qr.token, refreshAt: qr.refreshAt.toISOString(), expiresAt: qr.expiresAt.toISOString() };
  }
}
