import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';

export const ACCESS_RESULTS = ['granted', 'denied'] as const;
export const ACCESS_METHODS = ['face', 'qr', 'face_local', 'remote'] as const;

export class AccessEventFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'a gate (device id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/)
  gateId?: string;

  @ApiPropertyOptional({ description: 'a resident or staff member' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  personId?: string;

  @ApiPropertyOptional({ enum: ACCESS_RESULTS })
  @IsOptional()
  @IsIn(ACCESS_RESULTS)
  result?: (typeof ACCESS_RESULTS)[number];

  @ApiPropertyOptional({ enum: ACCESS_METHODS })
  @IsOptional()
  @IsIn(ACCESS_METHODS)
  method?: (typeof ACCESS_METHODS)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'from this instant (inclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'until this instant (exclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class AccessEventQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/)
  gateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  personId?: string;

  @ApiPropertyOptional({ enum: ACCESS_RESULTS })
  @IsOptional()
  @IsIn(ACCESS_RESULTS)
  result?: (typeof ACCESS_RESULTS)[number];

  @ApiPropertyOptional({ enum: ACCESS_METHODS })
  @IsOptional()
  @IsIn(ACCESS_METHODS)
  method?: (typeof ACCESS_METHODS)[number];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export interface AccessEventView {
  id: string;
  deviceId: string;
  siteId: string;
  type: string;
  at: string;
  deviceTs: string;
  method: string | null;
  credential: string | null;
  result: 'granted' | 'denied' | null;
  reason: string | null;
  personId: string | null;
  personKind: string | null;
  personName: string | null;
  visitorName: string | null;
  passId: string | null;
  unitIds: string[];
  score: number | null;
  latencyUs: number | null;
  commandId: string | null;
}
