import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ToBoolean } from '../directory/dto/login-validators';

export class ImportQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'check every row and report, import nothing' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;
}
