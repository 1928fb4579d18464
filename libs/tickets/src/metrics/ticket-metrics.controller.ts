import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@app/core';
import { TicketMetricsQueryDto } from './dto/ticket-metrics.dto';
import { TicketMetrics, TicketMetricsService } from './ticket-metrics.service';

// Registered before TicketsController so `metrics` never reaches `tickets/:id`.
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets/metrics')
export class TicketMetricsController {
  constructor(private readonly metrics: TicketMetricsService) {}

  @Get()
  @Roles('staff', 'manager', 'admin')
  @ApiOperation({ summary: 'Backlog, time to first response and resolution, SLA compliance, reopen rate, rating — per building, category, technician or period' })
  get(@CurrentUser() user: Principal, @Query() q: TicketMetricsQueryDto): Promise<TicketMetrics> {
    return this.metrics.compute(user, q);
  }

  @Get('export')
  @Roles('staff', 'manager', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="ticket-metrics.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same metrics as CSV' })
  export(@CurrentUser() user: Principal, @Query() q: TicketMetricsQueryDto): Promise<string> {
    return this.metrics.csv(user, q);
  }
}
