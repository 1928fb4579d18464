import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';

export const METRIC_GROUPS = ['none', 'building', 'category', 'technician', 'period'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];
export const METRIC_PERIODS = ['day', 'week', 'month'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

export class TicketMetricsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'tickets created from (ISO 8601; default 30 days ago)' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'tickets created before (ISO 8601; default now)' })
  @IsOptional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({ enum: METRIC_GROUPS, default: 'none' })
  @IsOptional()
  @IsIn(METRIC_GROUPS)
  groupBy?: MetricGroup;

  @ApiPropertyOptional({ enum: METRIC_PERIODS, default: 'week', description: 'bucket size when groupBy=period' })
  @IsOptional()
  @IsIn(METRIC_PERIODS)
  period?: MetricPeriod;
}
