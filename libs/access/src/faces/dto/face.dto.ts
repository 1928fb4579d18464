import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export const CONSENT_CHANNELS = ['app', 'console', 'kiosk', 'paper'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export class FaceConsentDto {
  @ApiProperty({ description: 'must be true: enrolment needs explicit consent' })
  @IsBoolean()
  given: boolean;

  @ApiProperty({ example: 'privacy-2026-01', description: 'the privacy notice the resident was shown' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  noticeVersion: string;

  @ApiProperty({ enum: CONSENT_CHANNELS, description: 'where consent was given (staff enrolling on a resident’s behalf: console or paper)' })
  @IsIn(CONSENT_CHANNELS)
  channel: ConsentChannel;
}

export class EnrolFaceDto {
  @ApiProperty({ description: 'base64 of the float32 little-endian template (FACE_EMBEDDING_DIM values); normalized and stored, never returned' })
  @IsString()
  @MaxLength(22_000)
  embedding: string;

  @ApiPropertyOptional({ type: FaceConsentDto, description: 'required: without consent the request is refused with 422' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FaceConsentDto)
  consent?: FaceConsentDto;
}

export class WithdrawFaceDto {
  @ApiPropertyOptional({ enum: CONSENT_CHANNELS })
  @IsOptional()
  @IsIn(CONSENT_CHANNELS)
  channel?: ConsentChannel;
}

export interface FaceConsentView {
  action: 'given' | 'withdrawn';
  noticeVersion: string | null;
  channel: string;
  actorRole: string;
  at: string;
}

export interface FaceStatusView {
  residentId: string;
  enrolled: boolean;
  enrolledAt: string | null;
  /** The consent trail, newest first. */
  consents: FaceConsentView[];
}
