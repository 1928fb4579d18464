import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { DeviceRegistry } from './device-registry.service';
import { CreateDeviceDto, DeviceCredentials, DeviceView, ListDevicesQueryDto } from './dto/device.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  constructor(private readonly registry: DeviceRegistry) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Provision a gate or speaker; the MQTT password is returned once' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateDeviceDto): Promise<DeviceView & { credentials: DeviceCredentials }> {
    return this.registry.provision(user, dto);
  }

  @Get()
  @Roles('staff', 'manager', 'admin')
  list(@CurrentUser() user: Principal, @Query() q: ListDevicesQueryDto): Promise<Page<DeviceView>> {
    return this.registry.list(user, q);
  }

  @Get(':id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<DeviceView> {
    return this.registry.get(user, id);
  }

  @Post(':id/credentials/rotate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new MQTT password; the old one stops working' })
  rotate(@CurrentUser() user: Principal, @Param('id') id: string): Promise<DeviceView & { credentials: DeviceCredentials }> {
    return this.registry.rotateCredentials(user, id);
  }

  @Post(':id/decommission')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a device: its credentials stop working and its messages are dropped' })
  decommission(@CurrentUser() user: Principal, @Param('id') id: string): Promise<DeviceView> {
    return this.registry.decommission(user, id);
  }
}
