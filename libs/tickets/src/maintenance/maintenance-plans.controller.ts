import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { CreateMaintenancePlanDto, MaintenancePlanQueryDto, PlanIdParamDto, UpdateMaintenancePlanDto } from './dto/maintenance-plan.dto';
import { MaintenancePlan } from './maintenance-plan.entity';
import { MaintenancePlansService } from './maintenance-plans.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('maintenance-plans')
export class MaintenancePlansController {
  constructor(private readonly plans: MaintenancePlansService) {}

  @Get()
  @Roles('staff', 'manager', 'admin')
  list(@CurrentUser() user: Principal, @Query() q: MaintenancePlanQueryDto): Promise<Page<MaintenancePlan>> {
    return this.plans.list(user, q);
  }

  @Post()
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'A preventive maintenance plan: one ticket per occurrence of its schedule' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateMaintenancePlanDto): Promise<MaintenancePlan> {
    return this.plans.create(user, dto);
  }

  @Get(':id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: PlanIdParamDto): Promise<MaintenancePlan> {
    return this.plans.get(user, p.id);
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Change a plan or its schedule; active=false stops it' })
  update(@CurrentUser() user: Principal, @Param() p: PlanIdParamDto, @Body() dto: UpdateMaintenancePlanDto): Promise<MaintenancePlan> {
    return this.plans.update(user, p.id, dto);
  }
}
