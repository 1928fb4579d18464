import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { SpeakerControlService } from '../control/speaker-control.service';
import { AssignSpeakerDto, ListSpeakersQueryDto, SpeakerIdParamDto, StopSpeakerDto } from '../dto/speaker-dtos';
import { SessionRequestAnswer, SpeakerSessionsService } from '../sessions/speaker-sessions.service';
import { SpeakerView } from '../policy/speaker-view';
import { SpeakersService } from './speakers.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('speakers')
export class SpeakersController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly sessions: SpeakerSessionsService,
    private readonly control: SpeakerControlService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Speakers with their live state (residents: "in use", never who)' })
  list(@CurrentUser() user: Principal, @Query() q: ListSpeakersQueryDto): Promise<SpeakerView[]> {
    return this.speakers.list(user, q);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param() { id }: SpeakerIdParamDto): Promise<SpeakerView> {
    return this.speakers.get(user, id);
  }

  @Put(':id/zone')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "Place a speaker in a zone; it gets the zone's config" })
  assign(@CurrentUser() user: Principal, @Param() { id }: SpeakerIdParamDto, @Body() dto: AssignSpeakerDto): Promise<SpeakerView> {
    return this.speakers.assign(user, id, dto.zoneId);
  }

  @Post(':id/sessions')
  @Roles('resident')
  @ApiOperation({ summary: 'Ask for a turn: a pairing code when free, else a queue place with position and estimated wait' })
  request(@CurrentUser() user: Principal, @Param() { id }: SpeakerIdParamDto): Promise<SessionRequestAnswer> {
    return this.sessions.request(user, id);
  }

  @Post(':id/stop')
  @Roles('staff', 'manager', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop a speaker: ends its session and whatever plays' })
  async stop(@CurrentUser() user: Principal, @Param() { id }: SpeakerIdParamDto, @Body() dto: StopSpeakerDto): Promise<void> {
    await this.control.stop(user, id, dto.reason);
  }
}
