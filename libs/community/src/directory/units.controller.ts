import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, CursorQueryDto, Page, Principal, Roles } from '@app/core';
import { IdParamDto } from './dto/id-params.dto';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { Unit } from './unit.entity';
import { UnitsService } from './units.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('buildings/:id/units')
  @Roles('staff', 'manager', 'admin')
  list(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Query() q: CursorQueryDto): Promise<Page<Unit>> {
    return this.units.list(user, p.id, q.limit, q.cursor);
  }

  @Post('buildings/:id/units')
  @Roles('manager', 'admin')
  create(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: CreateUnitDto): Promise<Unit> {
    return this.units.create(user, p.id, dto);
  }

  @Get('units/:id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<Unit> {
    return this.units.get(user, p.id);
  }

  @Patch('units/:id')
  @Roles('manager', 'admin')
  update(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: UpdateUnitDto): Promise<Unit> {
    return this.units.update(user, p.id, dto);
  }

  @Delete('units/:id')
  @Roles('manager', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit nobody ever lived in (409 otherwise)' })
  async remove(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<void> {
    await this.units.remove(user, p.id);
  }
}
