import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { CreateBanDto, ListBansQueryDto, UuidParamDto } from '../dto/speaker-dtos';
import { BanView, SpeakerControlService } from './speaker-control.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('speaker-bans')
@Roles('staff', 'manager', 'admin')
export class SpeakerBansController {
  constructor(private readonly control: SpeakerControlService) {}

  @Post()
  @ApiOperation({ summary: 'Ban a resident from the speakers for a time; their session and queue places end' })
  ban(@CurrentUser() user: Principal, @Body() dto: CreateBanDto): Promise<BanView> {
    return this.control.ban(user, dto);
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() q: ListBansQueryDto): Promise<BanView[]> {
    return this.control.list(user, q);
  }

  @Post(':id/lift')
  @HttpCode(200)
  lift(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<BanView> {
    return this.control.lift(user, id);
  }
}
