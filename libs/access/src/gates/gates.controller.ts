import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { GateIdParamDto, IdParamDto } from '../http/id-param.dto';
import { GateSettingsDto, GateSettingsView, RemoteOpenDto, RemoteOpenView, SiteModeDto, SiteModeView } from './dto/gates.dto';
import { GateModesService } from './gate-modes.service';
import { RemoteOpenService } from './remote-open.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller()
export class GatesController {
  constructor(
    private readonly modes: GateModesService,
    private readonly remote: RemoteOpenService,
  ) {}

  @Post('sites/:id/lockdown')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Lock down every gate of the site (only staff with the override pass); audited' })
  lockdown(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SiteModeDto): Promise<SiteModeView> {
    return this.modes.setSiteMode(user, p.id, 'lockdown', dto.reason);
  }

  @Post('sites/:id/release')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Return every gate of the site to normal; audited' })
  release(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SiteModeDto): Promise<SiteModeView> {
    return this.modes.setSiteMode(user, p.id, 'normal', dto.reason);
  }

  @Post('sites/:id/emergency-open')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Fire egress: every gate of the site opens for everyone; audited' })
  emergencyOpen(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SiteModeDto): Promise<SiteModeView> {
    return this.modes.setSiteMode(user, p.id, 'emergency_open', dto.reason);
  }

  @Post('gates/:id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a gate remotely: staff with a reason; a resident for a gate they may use now. Answers with the gate’s ack' })
  open(@CurrentUser() user: Principal, @Param() p: GateIdParamDto, @Body() dto: RemoteOpenDto): Promise<RemoteOpenView> {
    return this.remote.open(user, p.id, dto);
  }

  @Get('gates/:id/access-settings')
  @Roles('staff', 'manager', 'admin')
  settings(@CurrentUser() user: Principal, @Param() p: GateIdParamDto): Promise<GateSettingsView> {
    return this.modes.settings(user, p.id);
  }

  @Patch('gates/:id/access-settings')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Zone (for the default policies) and held-open alarm delay of a gate' })
  updateSettings(@CurrentUser() user: Principal, @Param() p: GateIdParamDto, @Body() dto: GateSettingsDto): Promise<GateSettingsView> {
    return this.modes.updateSettings(user, p.id, dto);
  }
}
