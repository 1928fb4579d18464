import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DEVICE_ID_PATTERN } from '@app/contracts';
import { CursorQueryDto } from '@app/core';

// Request bodies and parameters of the speakers API. Zone rules are a JSON object checked by the
// domain's validators (every problem listed at once), not field by field here.

export class UuidParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class SpeakerIdParamDto {
  @ApiProperty({ example: 'speaker-3f9a1c2b' })
  @Matches(DEVICE_ID_PATTERN, { message: 'id must be a device id' })
  id: string;
}

export class CreateZoneDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId: string;

  @ApiProperty({ example: 'Lakeside plaza' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'zone rules (volumeCap, quietHours, maxSessionMinutes, openingHours, dailySessionCap, …); defaults fill the rest' })
  @IsOptional()
  @IsObject()
  rules?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'timing overrides in seconds: pairingSeconds, claimSeconds, warningSeconds, reconnectGraceSeconds' })
  @IsOptional()
  @IsObject()
  timings?: Record<string, unknown>;
}

export class UpdateZoneDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: 'rules to change (quietHours merges field by field)' })
  @IsOptional()
  @IsObject()
  rules?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'timing overrides in seconds; null removes one' })
  @IsOptional()
  @IsObject()
  timings?: Record<string, unknown>;
}

export class ListZonesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class VolumeLockDto {
  @ApiProperty({ nullable: true, minimum: 0, maximum: 100, description: 'ceiling for the zone; null lifts the lock' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  level: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AssignSpeakerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  zoneId: string;
}

export class ListSpeakersQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;
}

export class VolumeDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  level: number;
}

export class EndSessionDto {
  @ApiPropertyOptional({ description: 'required for staff' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class StopSpeakerDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class ListSessionsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ example: 'speaker-3f9a1c2b' })
  @IsOptional()
  @Matches(DEVICE_ID_PATTERN, { message: 'speakerId must be a device id' })
  speakerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class CreateBanDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ example: 'played loud music after repeated warnings' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ description: 'ban length; absent with no `until`: until lifted', minimum: 1, maximum: 525600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  minutes?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  until?: string;
}

export class ListBansQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;
}

export class AnnouncementTargetDto {
  @ApiProperty({ enum: ['speaker', 'zone', 'site'] })
  @IsIn(['speaker', 'zone', 'site'])
  kind: 'speaker' | 'zone' | 'site';

  @ApiProperty({ description: 'speaker device id, zone id or site id' })
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: 'id must be a speaker, zone or site id' })
  id: string;
}

export class CreateAnnouncementDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text?: string;

  @ApiPropertyOptional({ example: 'https://cdn.example/announcements/fire-drill.mp3' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  audioUrl?: string;

  @ApiProperty({ type: AnnouncementTargetDto })
  @ValidateNested()
  @Type(() => AnnouncementTargetDto)
  target: AnnouncementTargetDto;

  @ApiProperty({ enum: ['normal', 'emergency'] })
  @IsIn(['normal', 'emergency'])
  priority: 'normal' | 'emergency';

  @ApiPropertyOptional({ format: 'date-time', description: 'play at this time (normal only waits for a gap when absent)' })
  @IsOptional()
  @IsDateString({ strict: true })
  schedule?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'undelivered speakers fail after this' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ description: 'how long it plays (default: estimated from the text)', minimum: 1, maximum: 300 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(300)
  durationSeconds?: number;
}

export class ListAnnouncementsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}
