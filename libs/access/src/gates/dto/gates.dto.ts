import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { GATE_ZONES, type GateZone } from '../../domain';

export class SiteModeDto {
  @ApiPropertyOptional({ example: 'Intruder reported near building 3' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class RemoteOpenDto {
  @ApiPropertyOptional({ example: 'Delivery van at the north gate', description: 'required for staff' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ minimum: 1000, maximum: 30000, default: 5000 })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(30000)
  durationMs?: number;
}

export class GateSettingsDto {
  @ApiPropertyOptional({ enum: GATE_ZONES, description: 'for the default policies: perimeter, building door, amenity' })
  @IsOptional()
  @IsIn(GATE_ZONES)
  zone?: GateZone;

  @ApiPropertyOptional({ minimum: 5, maximum: 3600 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(3600)
  heldOpenSeconds?: number;
}

export class GateModeResultView {
  @ApiProperty()
  deviceId: string;
  @ApiProperty({ nullable: true })
  commandId: string | null;
  @ApiProperty()
  status: string;
}

export interface SiteModeView {
  siteId: string;
  mode: string;
  gates: GateModeResultView[];
}

export interface RemoteOpenView {
  eventId: string;
  commandId: string;
  /** acked: the gate opened; expired/failed/timeout: it did not; sent: no answer yet. */
  status: string;
  error: { code: string; message?: string } | null;
  expiresAt: string;
}

export interface GateSettingsView {
  deviceId: string;
  siteId: string;
  mode: string;
  zone: GateZone;
  heldOpenSeconds: number;
}
