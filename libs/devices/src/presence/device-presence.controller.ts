import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, CursorQueryDto, Page, Principal, Roles } from '@app/core';
import { PresenceChangeView, PresenceHistoryService } from './presence-history.service';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicePresenceController {
  constructor(private readonly history: PresenceHistoryService) {}

  @Get(':id/presence')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Online/offline transitions of a device, newest first (birth, will, telemetry, silence)' })
  list(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: CursorQueryDto): Promise<Page<PresenceChangeView>> {
    return this.history.history(user, id, q);
  }
}
