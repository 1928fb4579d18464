import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Page, Principal, Roles } from '@app/core';
import { TicketStatus } from '../domain';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { AssignDto, CommentDto, MergeDto, RatingDto, ReclassifyDto, TransitionDto } from './dto/ticket-actions.dto';
import { TicketIdParamDto } from './dto/ticket-id-param.dto';
import { TicketFilterDto, TicketListQueryDto } from './dto/ticket-query.dto';
import { TicketCreateService } from './ticket-create.service';
import { CommentView, TicketFeedbackService } from './ticket-feedback.service';
import { ActivityView, TicketFullView, TicketQueryService } from './ticket-query.service';
import { TicketDetailView, TicketSummaryView } from './ticket-views';
import { TicketWorkflowService } from './ticket-workflow.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly creating: TicketCreateService,
    private readonly queries: TicketQueryService,
    private readonly workflow: TicketWorkflowService,
    private readonly feedback: TicketFeedbackService,
  ) {}

  @Get()
  @ApiOperation({ summary: "Staff: the console list (filters, sort, cursor pages; assignee=me is 'my queue'). Residents: their household's tickets" })
  list(@CurrentUser() user: Principal, @Query() q: TicketListQueryDto): Promise<Page<TicketSummaryView>> {
    return this.queries.list(user, q);
  }

  @Get('counts')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Counts per status with the same filters (console tabs)' })
  counts(@CurrentUser() user: Principal, @Query() q: TicketFilterDto): Promise<{ counts: Record<TicketStatus, number>; total: number }> {
    return this.queries.counts(user, q);
  }

  @Post()
  @ApiOperation({ summary: 'Report a problem: your home (unitId) or a common area (location)' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateTicketDto): Promise<TicketDetailView> {
    return this.creating.createFromRequest(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its comments, activity log, attachments and the transitions open to you' })
  get(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto): Promise<TicketFullView> {
    return this.queries.get(user, p.id);
  }

  @Get(':id/activity')
  activity(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto): Promise<ActivityView[]> {
    return this.queries.activity(user, p.id);
  }

  @Patch(':id')
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Reclassify (category, priority); SLA due times follow' })
  reclassify(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: ReclassifyDto): Promise<TicketDetailView> {
    return this.workflow.reclassify(user, p.id, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the ticket along the workflow; 409 lists the allowed statuses, or reports a stale version' })
  transition(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: TransitionDto): Promise<TicketDetailView> {
    return this.workflow.transition(user, p.id, dto);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Assign or reassign a technician' })
  assign(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: AssignDto): Promise<TicketDetailView> {
    return this.workflow.assign(user, p.id, dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Merge this duplicate into another ticket (both reporters stay informed)' })
  merge(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: MergeDto): Promise<TicketDetailView> {
    return this.workflow.merge(user, p.id, dto);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment (public) or add an internal note (staff only)' })
  comment(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: CommentDto): Promise<CommentView> {
    return this.feedback.comment(user, p.id, dto);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: 'Rate a resolved ticket 1-5; 2 or less reopens it for a follow-up' })
  rate(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @Body() dto: RatingDto): Promise<TicketDetailView> {
    return this.feedback.rate(user, p.id, dto);
  }
}
