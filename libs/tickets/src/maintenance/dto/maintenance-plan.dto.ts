import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import { MIN_PLAN_INTERVAL_MS, TICKET_CATEGORIES, TICKET_PRIORITIES, TicketCategory, TicketPriority } from '../../domain';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateMaintenancePlanDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiProperty({ example: 'Monthly elevator inspection, building 3' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: TICKET_CATEGORIES })
  @IsIn(TICKET_CATEGORIES)
  category: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiProperty({ example: 'Building 3 elevator machine room' })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location: string;

  @ApiPropertyOptional({ example: '0 9 1 * *', description: "cron pattern in the site's time zone (or everyMs)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pattern?: string;

  @ApiPropertyOptional({ minimum: MIN_PLAN_INTERVAL_MS, description: 'fixed interval in ms (or pattern)' })
  @IsOptional()
  @IsInt()
  @Min(MIN_PLAN_INTERVAL_MS)
  everyMs?: number;
}

export class UpdateMaintenancePlanDto extends PartialType(OmitType(CreateMaintenancePlanDto, ['siteId'] as const)) {
  @ApiPropertyOptional({ description: 'false stops the schedule' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class MaintenancePlanQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class PlanIdParamDto {
  @IsUUID()
  id: string;
}
