import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, CursorQueryDto, Page, Principal, Roles } from '@app/core';
import { Building } from './building.entity';
import { BuildingsService } from './buildings.service';
import { CreateBuildingDto, UpdateBuildingDto } from './dto/building.dto';
import { IdParamDto, SiteIdParamDto } from './dto/id-params.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Get('sites/:siteId/buildings')
  @Roles('staff', 'manager', 'admin')
  list(@CurrentUser() user: Principal, @Param() p: SiteIdParamDto, @Query() q: CursorQueryDto): Promise<Page<Building>> {
    return this.buildings.list(user, p.siteId, q.limit, q.cursor);
  }

  @Post('sites/:siteId/buildings')
  @Roles('manager', 'admin')
  create(@CurrentUser() user: Principal, @Param() p: SiteIdParamDto, @Body() dto: CreateBuildingDto): Promise<Building> {
    return this.buildings.create(user, p.siteId, dto);
  }

  @Get('buildings/:id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<Building> {
    return this.buildings.get(user, p.id);
  }

  @Patch('buildings/:id')
  @Roles('manager', 'admin')
  update(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: UpdateBuildingDto): Promise<Building> {
    return this.buildings.update(user, p.id, dto);
  }

  @Delete('buildings/:id')
  @Roles('manager', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a building without units (409 otherwise)' })
  async remove(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<void> {
    await this.buildings.remove(user, p.id);
  }
}
