import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { IdParamDto } from './dto/id-params.dto';
import { CreateStaffDto, SetShiftDto, StaffQueryDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffService, StaffView } from './staff.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Staff of your sites, filtered by position, skill or shift' })
  list(@CurrentUser() user: Principal, @Query() q: StaffQueryDto): Promise<Page<StaffView>> {
    return this.staff.list(user, q);
  }

  @Post()
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Add a staff member with a login (managers: technicians and managers of their sites)' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateStaffDto): Promise<StaffView> {
    return this.staff.create(user, dto);
  }

  @Get(':id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<StaffView> {
    return this.staff.get(user, p.id);
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  update(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: UpdateStaffDto): Promise<StaffView> {
    return this.staff.update(user, p.id, dto);
  }

  @Put(':id/shift')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Go on or off shift (technicians: themselves only)' })
  setShift(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SetShiftDto): Promise<StaffView> {
    return this.staff.setShift(user, p.id, dto.onShift);
  }
}
