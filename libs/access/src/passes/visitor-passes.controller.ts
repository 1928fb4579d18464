import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { IdParamDto } from '../http/id-param.dto';
import { CreatedVisitorPass, CreateVisitorPassDto, VisitorPassQueryDto, VisitorPassViewDto } from './dto/visitor-pass.dto';
import { VisitorPassesService } from './visitor-passes.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('visitor-passes')
export class VisitorPassesController {
  constructor(private readonly passes: VisitorPassesService) {}

  @Post()
  @Roles('resident')
  @ApiOperation({ summary: 'Issue a pass for a visitor of your household; the QR token is returned once' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateVisitorPassDto): Promise<CreatedVisitorPass> {
    return this.passes.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: "Residents: their household's passes. Staff: their sites' passes" })
  list(@CurrentUser() user: Principal, @Query() q: VisitorPassQueryDto): Promise<Page<VisitorPassViewDto>> {
    return this.passes.list(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<VisitorPassViewDto> {
    return this.passes.get(user, p.id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a pass at once on every gate' })
  revoke(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<VisitorPassViewDto> {
    return this.passes.revoke(user, p.id);
  }
}
