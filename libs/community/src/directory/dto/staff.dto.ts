import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CursorQueryDto } from '@app/core';
import { STAFF_POSITIONS, STAFF_SKILLS, StaffPosition, StaffSkill } from '../staff-member.entity';
import { IsLoginEmail, IsLoginPhone, ToBoolean } from './login-validators';

export class StaffQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: STAFF_POSITIONS })
  @IsOptional()
  @IsIn(STAFF_POSITIONS)
  position?: StaffPosition;

  @ApiPropertyOptional({ enum: STAFF_SKILLS })
  @IsOptional()
  @IsIn(STAFF_SKILLS)
  skill?: StaffSkill;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  onShift?: boolean;

  @ApiPropertyOptional({ description: 'part of a name, phone or e-mail' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class CreateStaffDto {
  @ApiProperty({ example: 'Zhao Gang' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ description: 'phone or e-mail is required: it is the login' })
  @IsOptional()
  @IsLoginPhone()
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLoginEmail()
  email?: string;

  @ApiProperty({ enum: STAFF_POSITIONS })
  @IsIn(STAFF_POSITIONS)
  position: StaffPosition;

  @ApiProperty({ enum: STAFF_SKILLS, isArray: true })
  @IsArray()
  @ArrayMaxSize(STAFF_SKILLS.length)
  @IsIn(STAFF_SKILLS, { each: true })
  skills: StaffSkill[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  siteIds: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  onShift?: boolean;

  @ApiPropertyOptional({ minLength: 8 })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}

// Passwords are set through the account, not by editing the person.
class StaffEditableDto extends PartialType(OmitType(CreateStaffDto, ['password'] as const)) {}

export class UpdateStaffDto extends StaffEditableDto {
  @ApiPropertyOptional({ description: 'false deactivates the person and disables their login' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SetShiftDto {
  @ApiProperty()
  @IsBoolean()
  onShift: boolean;
}
