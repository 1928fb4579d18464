import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { CreateZoneDto, ListZonesQueryDto, UpdateZoneDto, UuidParamDto, VolumeLockDto } from '../dto/speaker-dtos';
import { SpeakerZonesService, ZoneView } from './speaker-zones.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('speaker-zones')
export class SpeakerZonesController {
  constructor(private readonly zones: SpeakerZonesService) {}

  @Post()
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Create a zone (volume cap, quiet hours, session length, opening hours…)' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateZoneDto): Promise<ZoneView> {
    return this.zones.create(user, dto);
  }

  @Get()
  @Roles('staff', 'manager', 'admin')
  list(@CurrentUser() user: Principal, @Query() q: ListZonesQueryDto): Promise<ZoneView[]> {
    return this.zones.list(user, q.siteId);
  }

  @Get(':id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<ZoneView> {
    return this.zones.get(user, id);
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "Change a zone; its speakers get the new config and apply it live" })
  update(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto, @Body() dto: UpdateZoneDto): Promise<ZoneView> {
    return this.zones.update(user, id, dto);
  }

  @Put(':id/volume-lock')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: "Lock the zone's volume at a ceiling (null unlocks)" })
  lock(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto, @Body() dto: VolumeLockDto): Promise<ZoneView> {
    return this.zones.setVolumeLock(user, id, dto.level, dto.reason);
  }

  @Delete(':id')
  @Roles('manager', 'admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<void> {
    await this.zones.remove(user, id);
  }
}
