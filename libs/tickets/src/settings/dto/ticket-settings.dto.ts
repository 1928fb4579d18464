import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsObject, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import type { BusinessCalendar, SlaPolicyOverrides } from '../../domain';

export class UpdateTicketSettingsDto {
  @ApiPropertyOptional({ description: 'cells of the SLA table to override: { plumbing: { normal: { firstResponseMinutes, resolutionMinutes, hours } } }; null resets' })
  @IsOptional()
  @ValidateIf((o: UpdateTicketSettingsDto) => o.slaPolicy !== null)
  @IsObject()
  slaPolicy?: SlaPolicyOverrides | null;

  @ApiPropertyOptional({ description: 'business calendar { timeZone, week, holidays?, makeUpWorkdays? }; null resets to the default in the site zone' })
  @IsOptional()
  @ValidateIf((o: UpdateTicketSettingsDto) => o.calendar !== null)
  @IsObject()
  calendar?: BusinessCalendar | null;

  @ApiPropertyOptional({ description: 'days a resolved ticket waits before closing itself', minimum: 0.00001, maximum: 365 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.00001)
  @Max(365)
  autoCloseDays?: number;

  @ApiPropertyOptional({ description: 'tickets one resident may create per hour', minimum: 1, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  createLimitPerHour?: number;
}
