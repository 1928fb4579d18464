import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { IdParamDto, MembershipParamsDto } from './dto/id-params.dto';
import { CreateResidentDto, MembershipInputDto, ResidentQueryDto, SetPasswordDto, UpdateResidentDto } from './dto/resident.dto';
import { Household, HouseholdService } from './household.service';
import { ResidentLifecycleService } from './resident-lifecycle.service';
import { ResidentView } from './resident-views';
import { ResidentsService } from './residents.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly lifecycle: ResidentLifecycleService,
    private readonly household: HouseholdService,
  ) {}

  @Get('residents')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Search residents of your sites by name, phone or unit number' })
  list(@CurrentUser() user: Principal, @Query() q: ResidentQueryDto): Promise<Page<ResidentView>> {
    return this.residents.list(user, q);
  }

  @Post('residents')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Add a resident to one or more units; their phone or e-mail becomes the login' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateResidentDto): Promise<ResidentView> {
    return this.residents.create(user, dto);
  }

  @Get('me/household')
  @Roles('resident')
  @ApiOperation({ summary: 'Your units and everyone living in them' })
  myHousehold(@CurrentUser() user: Principal): Promise<Household> {
    return this.household.forResident(user);
  }

  @Get('residents/:id')
  @ApiOperation({ summary: 'Staff: residents of their sites. Residents: members of their own household only' })
  @ApiNotFoundResponse({ description: 'unknown, or not yours to see' })
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<ResidentView> {
    return this.residents.get(user, p.id);
  }

  @Patch('residents/:id')
  @Roles('manager', 'admin')
  update(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: UpdateResidentDto): Promise<ResidentView> {
    return this.residents.update(user, p.id, dto);
  }

  @Post('residents/:id/password')
  @Roles('manager', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a resident's initial password (imported residents cannot sign in until then)" })
  async setPassword(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SetPasswordDto): Promise<void> {
    await this.residents.setPassword(user, p.id, dto.password);
  }

  @Post('residents/:id/move-out')
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'End all memberships, mark moved out and disable the login' })
  moveOut(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<ResidentView> {
    return this.lifecycle.moveOut(user, p.id);
  }

  @Post('residents/:id/memberships')
  @Roles('manager', 'admin')
  addMembership(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: MembershipInputDto): Promise<ResidentView> {
    return this.lifecycle.addMembership(user, p.id, dto);
  }

  @Delete('residents/:id/memberships/:unitId')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'End a membership (kept as history)' })
  removeMembership(@CurrentUser() user: Principal, @Param() p: MembershipParamsDto): Promise<ResidentView> {
    return this.lifecycle.removeMembership(user, p.id, p.unitId);
  }
}
