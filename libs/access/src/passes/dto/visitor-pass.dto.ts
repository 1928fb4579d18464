import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import type { VisitorPassDisplayStatus } from '../../domain';

export const PASS_STATUSES: readonly VisitorPassDisplayStatus[] = ['active', 'upcoming', 'used_up', 'expired', 'revoked'];

export class CreateVisitorPassDto {
  @ApiProperty({ example: 'Wang Fang' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  visitorName: string;

  @ApiPropertyOptional({ example: '13900001111' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[\d\s()-]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({ format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  validFrom: Date;

  @ApiProperty({ format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  validUntil: Date;

  @ApiProperty({ minimum: 1, maximum: 50, example: 1 })
  @IsInt()
  maxUses: number;

  @ApiPropertyOptional({ type: [String], description: 'only these gates (default: wherever the host may go)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  gateIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the household unit (needed only when you belong to several)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class VisitorPassQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: PASS_STATUSES })
  @IsOptional()
  @IsIn(PASS_STATUSES)
  status?: VisitorPassDisplayStatus;
}

export interface VisitorPassViewDto {
  id: string;
  siteId: string;
  unitId: string;
  hostResidentId: string;
  visitorName: string;
  phone: string | null;
  validFrom: string;
  validUntil: string;
  maxUses: number;
  uses: number;
  usesLeft: number;
  gateIds: string[] | null;
  status: VisitorPassDisplayStatus;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedVisitorPass extends VisitorPassViewDto {
  /** The QR code's content: shown once, stored only as a hash. */
  token: string;
}
