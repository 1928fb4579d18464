import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

const isTimeZone = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return true;
  } catch {
    return false;
  }
};

export class CreateSiteDto {
  @ApiProperty({ example: 'Lakeside Gardens' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'lakeside', description: 'unique short code: lower-case letters, digits, dashes' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be 1-40 lower-case letters, digits or dashes' })
  code: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai' })
  @IsOptional()
  @ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone, defaultMessage: () => 'must be an IANA time zone such as Asia/Shanghai' } })
  timezone?: string;

  @ApiPropertyOptional({ example: '88 Lakeside Road' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class UpdateSiteDto extends PartialType(CreateSiteDto) {}
