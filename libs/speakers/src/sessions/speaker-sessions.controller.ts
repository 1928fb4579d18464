import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import type { VolumeDecision } from '../domain';
import { EndSessionDto, ListSessionsQueryDto, UuidParamDto, VolumeDto } from '../dto/speaker-dtos';
import { SessionRequestAnswer, SessionView, SpeakerSessionsService } from './speaker-sessions.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('speaker-sessions')
export class SpeakerSessionsController {
  constructor(private readonly sessions: SpeakerSessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Session history (residents: their own; staff: their sites)' })
  list(@CurrentUser() user: Principal, @Query() q: ListSessionsQueryDto): Promise<Page<SessionView>> {
    return this.sessions.list(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<SessionView> {
    return this.sessions.get(user, id);
  }

  @Post(':id/claim')
  @Roles('resident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim an offered turn (the queue place becomes a session in pairing)' })
  claim(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<SessionRequestAnswer> {
    return this.sessions.claim(user, id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'End a session or leave the queue (residents: their own; staff: any, with a reason)' })
  end(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto, @Body() dto: EndSessionDto, @Query() q: EndSessionDto): Promise<SessionView> {
    return this.sessions.end(user, id, dto?.reason ?? q.reason);
  }

  @Put(':id/volume')
  @ApiOperation({ summary: 'Set the volume (clamped to the zone cap, quiet hours and any staff lock)' })
  volume(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto, @Body() dto: VolumeDto): Promise<VolumeDecision> {
    return this.sessions.setVolume(user, id, dto.level);
  }
}
