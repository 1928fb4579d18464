import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { IdParamDto } from '../http/id-param.dto';
import { AccessPolicyView, CreateAccessPolicyDto, PolicyParamsDto, SiteHolidaysDto, SiteHolidaysView, UpdateAccessPolicyDto } from './dto/access-policy.dto';
import { SiteAccessPoliciesService } from './site-access-policies.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('sites/:id')
export class SiteAccessPoliciesController {
  constructor(private readonly policies: SiteAccessPoliciesService) {}

  @Get('access-policies')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Every policy of the site: the defaults (enabled or switched off) and the custom ones' })
  list(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<AccessPolicyView[]> {
    return this.policies.list(user, p.id);
  }

  @Post('access-policies')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Add a custom policy (group × gates × weekly windows); it adds to the defaults; audited, applied at once' })
  create(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: CreateAccessPolicyDto): Promise<AccessPolicyView> {
    return this.policies.create(user, p.id, dto);
  }

  @Get('access-policies/:policyId')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: PolicyParamsDto): Promise<AccessPolicyView> {
    return this.policies.get(user, p.id, p.policyId);
  }

  @Patch('access-policies/:policyId')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Change a custom policy, or switch a default one off/on ({"enabled": false}); audited, applied at once' })
  update(@CurrentUser() user: Principal, @Param() p: PolicyParamsDto, @Body() dto: UpdateAccessPolicyDto): Promise<AccessPolicyView> {
    return this.policies.update(user, p.id, p.policyId, dto);
  }

  @Delete('access-policies/:policyId')
  @HttpCode(204)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Delete a custom policy (defaults are switched off instead); audited' })
  async remove(@CurrentUser() user: Principal, @Param() p: PolicyParamsDto): Promise<void> {
    await this.policies.remove(user, p.id, p.policyId);
  }

  @Get('holidays')
  @Roles('staff', 'manager', 'admin')
  holidays(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<SiteHolidaysView> {
    return this.policies.holidays(user, p.id);
  }

  @Put('holidays')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Replace the site’s holidays (local dates; optional partial-day windows); policies that follow holidays close or shorten on them' })
  setHolidays(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: SiteHolidaysDto): Promise<SiteHolidaysView> {
    return this.policies.setHolidays(user, p.id, dto);
  }
}
