import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { CommandHistoryService } from './command-history.service';
import { CommandHistoryQueryDto, DeviceCommandView, SendDeviceCommandDto } from './dto/device-command.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DeviceCommandsController {
  constructor(private readonly commands: CommandHistoryService) {}

  @Get(':id/commands')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Commands sent to a device and what became of each, newest first' })
  list(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: CommandHistoryQueryDto): Promise<Page<DeviceCommandView>> {
    return this.commands.history(user, id, q);
  }

  @Post(':id/commands')
  @Roles('admin')
  @ApiOperation({ summary: 'Send a safe remote command (gate.mode, speaker.stop, speaker.volume); audited' })
  send(@CurrentUser() user: Principal, @Body() dto: SendDeviceCommandDto, @Param('id') id: string): Promise<DeviceCommandView> {
    return this.commands.sendRemote(user, id, dto);
  }
}
