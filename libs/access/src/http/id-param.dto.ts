import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** Device ids are not uuids (e.g. `gate-3f9a1c2b`). */
export class GateIdParamDto {
  @ApiProperty({ example: 'gate-3f9a1c2b' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/)
  id: string;
}
