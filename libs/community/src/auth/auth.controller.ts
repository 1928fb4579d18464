import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentUser, Principal, Public } from '@app/core';
import { LoginDto, RefreshDto } from './auth.dto';
import { AuthService, PublicUser, TokenPair } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with phone or e-mail and password' })
  @ApiTooManyRequestsResponse({ description: 'rate-limited per account and per IP; see Retry-After' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPair> {
    return this.auth.login(dto.login, dto.password, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one stops working; reusing it signs the login out)' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: Principal, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(user, dto.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: Principal): Promise<PublicUser> {
    return this.auth.me(user);
  }
}
