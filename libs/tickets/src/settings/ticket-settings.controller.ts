import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CurrentUser, Principal, Roles } from '@app/core';
import { UpdateTicketSettingsDto } from './dto/ticket-settings.dto';
import { SiteTicketSettings, TicketSettingsService } from './ticket-settings.service';

export class SiteIdParamDto {
  @IsUUID()
  siteId: string;
}

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('ticket-settings')
export class TicketSettingsController {
  constructor(private readonly settings: TicketSettingsService) {}

  @Get(':siteId')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'The SLA table, business calendar, auto-close and anti-spam settings of a site' })
  get(@CurrentUser() user: Principal, @Param() p: SiteIdParamDto): Promise<SiteTicketSettings> {
    return this.settings.get(user, p.siteId);
  }

  @Put(':siteId')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Override SLA targets, the calendar, auto-close days or the per-resident creation limit' })
  update(@CurrentUser() user: Principal, @Param() p: SiteIdParamDto, @Body() dto: UpdateTicketSettingsDto): Promise<SiteTicketSettings> {
    return this.settings.update(user, p.siteId, dto);
  }
}
