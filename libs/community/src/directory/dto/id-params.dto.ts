import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

// Path ids are validated like body fields, so a malformed id is a 400 naming the parameter.

export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class SiteIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId: string;
}

export class MembershipParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;
}
