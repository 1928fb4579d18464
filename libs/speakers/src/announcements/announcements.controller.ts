import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { CreateAnnouncementDto, ListAnnouncementsQueryDto, UuidParamDto } from '../dto/speaker-dtos';
import { AnnouncementsService, AnnouncementView } from './announcements.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('announcements')
@Roles('staff', 'manager', 'admin')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post()
  @ApiOperation({ summary: 'Announce on a speaker, a zone or a site; emergency interrupts music at once' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() q: ListAnnouncementsQueryDto): Promise<Page<AnnouncementView>> {
    return this.announcements.list(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<AnnouncementView> {
    return this.announcements.get(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: Principal, @Param() { id }: UuidParamDto): Promise<AnnouncementView> {
    return this.announcements.cancel(user, id);
  }
}
