import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DEVICE_KINDS, type DeviceKind } from '@app/contracts';
import { CursorQueryDto } from '@app/core';

export class CreateDeviceDto {
  @ApiProperty({ enum: DEVICE_KINDS })
  @IsIn(DEVICE_KINDS)
  kind: DeviceKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'for building doors and building speakers' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiProperty({ example: 'North gate' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'North entrance, lane 1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}

export class ListDevicesQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: DEVICE_KINDS })
  @IsOptional()
  @IsIn(DEVICE_KINDS)
  kind?: DeviceKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ description: 'include decommissioned devices' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeDecommissioned?: boolean;
}

export interface DeviceCredentials {
  clientId: string;
  username: string;
  /** Shown once; only its hash is stored. */
  password: string;
}

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  siteId: string;
  buildingId: string | null;
  name: string;
  location: string;
  lifecycle: string;
  online: boolean;
  lastSeenAt: string | null;
  firmware: string | null;
  desiredConfigVersion: number;
  reportedConfigVersion: number | null;
  configDrift: boolean;
  credentialsVersion: number;
  createdAt: string;
  decommissionedAt: string | null;
}
