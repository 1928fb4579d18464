import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import type { ResidentStatus } from '../resident.entity';
import { UNIT_RELATIONS, UnitRelation } from '../unit-membership.entity';
import { IsLoginEmail, IsLoginPhone } from './login-validators';

export const RESIDENT_STATUSES: readonly ResidentStatus[] = ['active', 'moved_out'];

export class ResidentQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this site (default: every site you reach)' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'part of a name, phone number or unit number' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ enum: RESIDENT_STATUSES })
  @IsOptional()
  @IsIn(RESIDENT_STATUSES)
  status?: ResidentStatus;
}

export class MembershipInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: UNIT_RELATIONS })
  @IsIn(UNIT_RELATIONS)
  relation: UnitRelation;
}

export class CreateResidentDto {
  @ApiProperty({ example: 'Li Wei' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '13800138000', description: 'phone or e-mail is required: it is the login' })
  @IsOptional()
  @IsLoginPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'li.wei@example.com' })
  @IsOptional()
  @IsLoginEmail()
  email?: string;

  @ApiProperty({ type: [MembershipInputDto], description: 'units of one site' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MembershipInputDto)
  units: MembershipInputDto[];

  @ApiPropertyOptional({ description: 'initial password; without it the resident cannot sign in until a manager sets one' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}

export class UpdateResidentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLoginPhone()
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLoginEmail()
  email?: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;
}
