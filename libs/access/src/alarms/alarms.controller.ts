import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { IdParamDto } from '../http/id-param.dto';
import { AccessAlarmsService } from './access-alarms.service';
import { AlarmNoteDto, AlarmQueryDto, AlarmView } from './dto/alarm.dto';

@ApiTags('access')
@ApiBearerAuth()
@Roles('staff', 'manager', 'admin')
@Controller('access/alarms')
export class AlarmsController {
  constructor(private readonly alarms: AccessAlarmsService) {}

  @Get()
  @ApiOperation({ summary: 'Gate alarms of your sites (forced open, held open, tamper, offline), newest first' })
  list(@CurrentUser() user: Principal, @Query() q: AlarmQueryDto): Promise<Page<AlarmView>> {
    return this.alarms.list(user, q);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: AlarmNoteDto): Promise<AlarmView> {
    return this.alarms.act(user, p.id, 'acknowledge', dto.note);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: AlarmNoteDto): Promise<AlarmView> {
    return this.alarms.act(user, p.id, 'resolve', dto.note);
  }
}
