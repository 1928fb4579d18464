import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';

export const ALARM_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

export class AlarmQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: ALARM_STATUSES, description: 'default: every status' })
  @IsOptional()
  @IsIn(ALARM_STATUSES)
  status?: (typeof ALARM_STATUSES)[number];
}

export class AlarmNoteDto {
  @ApiPropertyOptional({ example: 'Guard on the way' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export interface AlarmView {
  id: string;
  siteId: string;
  deviceId: string;
  kind: string;
  status: string;
  detail: string | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  note: string | null;
  version: number;
}
