import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@app/core';
import { FaceRateLimited } from '../credentials/face-rate-limit.guard';
import { IdParamDto } from '../http/id-param.dto';
import { EnrolFaceDto, FaceStatusView, WithdrawFaceDto } from './dto/face.dto';
import { FaceEnrolmentService } from './face-enrolment.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('residents/:id/face')
export class FacesController {
  constructor(private readonly faces: FaceEnrolmentService) {}

  @Get()
  @ApiOperation({ summary: 'Whether a face is enrolled, and the consent trail (never the template)' })
  status(@CurrentUser() user: Principal, @Param() p: IdParamDto): Promise<FaceStatusView> {
    return this.faces.status(user, p.id);
  }

  @Post()
  @HttpCode(200)
  @FaceRateLimited('face-write')
  @ApiOperation({ summary: 'Enrol or replace a face: the resident for themselves, or staff of the site on their behalf, with recorded consent' })
  @ApiUnprocessableEntityResponse({ description: 'no explicit consent' })
  enrol(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: EnrolFaceDto): Promise<FaceStatusView> {
    return this.faces.enrol(user, p.id, dto);
  }

  @Delete()
  @HttpCode(200)
  @FaceRateLimited('face-write')
  @ApiOperation({ summary: 'Withdraw consent: the template is deleted, dropped from every matcher and gate; the consent trail is kept' })
  withdraw(@CurrentUser() user: Principal, @Param() p: IdParamDto, @Body() dto: WithdrawFaceDto): Promise<FaceStatusView> {
    return this.faces.withdraw(user, p.id, dto ?? {});
  }
}
