import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, CursorQueryDto, Page, Principal, Roles } from '@app/core';
import { IdParamDto } from './dto/id-params.dto';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { Site } from './site.entity';
import { SitesService } from './sites.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Sites you work at (admins: all)' })
  list(@CurrentUser() user: Principal, @Query() q: CursorQueryDto): Promise<Page<Site>> {
    return this.sites.list(user, q.limit, q.cursor);
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: Principal, @Body() dto: CreateSiteDto): Promise<Site> {
    return this.sites.create(user, dto);
  }

  @Get(':id')
  @Roles('staff', 'manager', 'admin')
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<Site> {
    return this.sites.get(user, p.id);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: UpdateSiteDto): Promise<Site> {
    return this.sites.update(user, p.id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty site (409 while it has buildings or residents)' })
  async remove(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<void> {
    await this.sites.remove(user, p.id);
  }
}
