import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MAX_POLICY_GATES, MAX_POLICY_WINDOWS, MAX_SITE_HOLIDAYS } from '../../domain';
import type { HolidayException, IsoWeekday, SitePolicyView, WeeklySchedule } from '../../domain';

// Shapes only; the rules that need the site (known group, its gates, HH:mm windows) are checked by
// the pure validators in domain/site-access-config, which name the field the same way.

export class DailyWindowDto {
  @ApiProperty({ example: '06:00', description: 'HH:mm, local time of the site' })
  @IsString()
  @MaxLength(5)
  from: string;

  @ApiProperty({ example: '20:00', description: 'HH:mm or 24:00; before `from` = crosses midnight' })
  @IsString()
  @MaxLength(5)
  to: string;
}

export class WeeklyWindowDto extends DailyWindowDto {
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days: IsoWeekday[];
}

export class CreateAccessPolicyDto {
  @ApiProperty({ example: 'staff:cleaning', description: 'residents, residents:<buildingId>, staff, staff:cleaning, staff:landscaping, staff:daytime' })
  @IsString()
  @MaxLength(100)
  groupId: string;

  @ApiProperty({ type: [String], description: 'gates of this site' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POLICY_GATES)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  gateIds: string[];

  @ApiPropertyOptional({ type: [WeeklyWindowDto], nullable: true, description: 'null or absent: around the clock' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POLICY_WINDOWS)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows?: WeeklyWindowDto[] | null;

  @ApiPropertyOptional({ description: 'the site’s holidays replace the weekly windows (closed, or the holiday’s windows); default false' })
  @IsOptional()
  @IsBoolean()
  followsHolidays?: boolean;

  @ApiProperty({ example: 'Cleaning staff: evenings' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiPropertyOptional({ description: 'default true; the only field a default policy takes' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** Any subset; `windows: null` = around the clock. */
export class UpdateAccessPolicyDto extends PartialType(CreateAccessPolicyDto) {}

/** Default ids look like `default:<siteId>:staff:cleaning`; custom ones are uuids. */
export class PolicyParamsDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ example: 'default:3f9a…:staff:cleaning' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9:_-]+$/)
  policyId: string;
}

export class SiteHolidayDto {
  @ApiProperty({ example: '2026-10-01', description: 'local date of the site, yyyy-MM-dd' })
  @IsString()
  @MaxLength(10)
  date: string;

  @ApiPropertyOptional({ example: 'National Day' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: [DailyWindowDto], description: 'a partial day: only these windows (absent or empty: closed all day)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DailyWindowDto)
  windows?: DailyWindowDto[];
}

export class SiteHolidaysDto {
  @ApiProperty({ type: [SiteHolidayDto] })
  @IsArray()
  @ArrayMaxSize(MAX_SITE_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => SiteHolidayDto)
  holidays: SiteHolidayDto[];
}

export interface AccessPolicyView {
  id: string;
  source: SitePolicyView['source'];
  groupId: string;
  gateIds: readonly string[];
  /** The weekly windows (holidays are the site's, see /holidays); null = around the clock. */
  windows: WeeklySchedule['windows'] | null;
  followsHolidays: boolean;
  label: string;
  enabled: boolean;
}

export interface SiteHolidaysView {
  siteId: string;
  timeZone: string;
  holidays: HolidayException[];
}
