import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, TicketCategory, TicketPriority, TicketStatus } from '../../domain';

/** `a,b` or repeated `?x=a&x=b` both become ['a', 'b']. */
const list = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean) : value));

export const TICKET_SORTS = ['-created', 'created', '-updated', 'sla_due', '-priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
export const SLA_STATES = ['ok', 'at_risk', 'breached'] as const;

export class TicketFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'new,assigned' })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(TICKET_STATUSES.length)
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'comma-separated categories' })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(TICKET_CATEGORIES.length)
  @IsIn(TICKET_CATEGORIES, { each: true })
  category?: TicketCategory[];

  @ApiPropertyOptional({ description: 'comma-separated priorities' })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ description: "a staff id, 'me' (my queue) or 'none' (unassigned)" })
  @IsOptional()
  @IsString()
  @Matches(/^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, { message: "assignee must be a staff id, 'me' or 'none'" })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: SLA_STATES })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: (typeof SLA_STATES)[number];

  @ApiPropertyOptional({ description: 'text in title or description, or a ticket number (T-000123)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class TicketListQueryDto extends IntersectionType(CursorQueryDto, TicketFilterDto) {
  @ApiPropertyOptional({ enum: TICKET_SORTS, default: '-created' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;
}
