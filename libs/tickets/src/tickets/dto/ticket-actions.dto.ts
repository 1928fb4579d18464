import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  MAX_RATING,
  MAX_RATING_COMMENT_LENGTH,
  MAX_REASON_LENGTH,
  MAX_RESOLUTION_NOTE_LENGTH,
  MIN_RATING,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TicketCategory,
  TicketPriority,
  TicketStatus,
} from '../../domain';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Optimistic concurrency: the version the caller last saw. */
class VersionedDto {
  @ApiProperty({ minimum: 1, description: 'the ticket version you last saw; 409 when someone changed it since' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TransitionDto extends VersionedDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  to: TicketStatus;

  @ApiPropertyOptional({ description: 'required for on_hold, cancelled, reopened', maxLength: MAX_REASON_LENGTH })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ description: 'required for resolved', maxLength: MAX_RESOLUTION_NOTE_LENGTH })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(MAX_RESOLUTION_NOTE_LENGTH)
  resolutionNote?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "to 'assigned': whom (staff may only take it themselves)" })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class AssignDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assigneeId: string;
}

export class ReclassifyDto extends VersionedDto {
  @ApiPropertyOptional({ enum: TICKET_CATEGORIES })
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
}

export class MergeDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'the ticket this one duplicates' })
  @IsUUID()
  intoTicketId: string;
}

export class CommentDto {
  @ApiProperty({ maxLength: 4000 })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body: string;

  @ApiPropertyOptional({ enum: ['public', 'internal'], default: 'public', description: 'internal notes: staff only' })
  @IsOptional()
  @IsIn(['public', 'internal'])
  visibility?: 'public' | 'internal';
}

export class RatingDto {
  @ApiProperty({ minimum: MIN_RATING, maximum: MAX_RATING })
  @IsInt()
  @Min(MIN_RATING)
  @Max(MAX_RATING)
  score: number;

  @ApiPropertyOptional({ maxLength: MAX_RATING_COMMENT_LENGTH })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(MAX_RATING_COMMENT_LENGTH)
  comment?: string;
}
