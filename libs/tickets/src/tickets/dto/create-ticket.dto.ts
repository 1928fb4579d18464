import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TicketCategory, TicketPriority } from '../../domain';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class PreferredWindowDto {
  @ApiProperty({ example: '2026-06-02T09:00:00+08:00' })
  @IsDateString()
  from: string;

  @ApiProperty({ example: '2026-06-02T12:00:00+08:00' })
  @IsDateString()
  to: string;
}

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_CATEGORIES })
  @IsIn(TICKET_CATEGORIES)
  category: TicketCategory;

  @ApiProperty({ example: 'Kitchen tap leaking', maxLength: 200 })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 4000 })
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  description: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one of your household units (or give a common-area location)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 'Building 3 lobby', description: 'a common area (instead of unitId)' })
  @IsOptional()
  @trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the building of a common-area location' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'staff, or residents of several sites, reporting a common area' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: 'a detected emergency overrides it' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: PreferredWindowDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreferredWindowDto)
  preferredWindow?: PreferredWindowDto;
}
