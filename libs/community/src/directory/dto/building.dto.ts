import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateBuildingDto {
  @ApiProperty({ example: 'Building 3' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'B3', description: 'unique within the site; CSV imports refer to buildings by it' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, { message: 'must be 1-20 letters, digits, dashes or underscores' })
  code: string;

  @ApiPropertyOptional({ example: 18 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  floors?: number;
}

export class UpdateBuildingDto extends PartialType(CreateBuildingDto) {}
