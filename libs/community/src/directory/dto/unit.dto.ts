import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class CreateUnitDto {
  @ApiProperty({ example: '1201', description: 'unique within the building' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, { message: 'must be 1-20 letters, digits, dashes or underscores' })
  number: string;

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsInt()
  @Min(-10)
  @Max(200)
  floor?: number;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}
