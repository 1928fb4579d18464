import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { DeviceConfigService, DeviceConfigView } from './device-config.service';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DeviceConfigController {
  constructor(private readonly configs: DeviceConfigService) {}

  @Get(':id/config')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Desired config, the version the device reports, and whether they drift' })
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<DeviceConfigView> {
    return this.configs.viewFor(user, id);
  }

  @Put(':id/config')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Set the desired config (new version, published retained, delivered until the device reports it)' })
  @ApiBody({
    description: 'Speakers: { volumeCap, quietHours: { from, to, volumeCap, tz }, maxSessionMinutes } (PROTOCOL.md); gates: any JSON object. version/ts are assigned.',
    schema: { type: 'object', additionalProperties: true },
  })
  put(@CurrentUser() user: Principal, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<DeviceConfigView> {
    return this.configs.setDesiredFor(user, id, body);
  }
}
