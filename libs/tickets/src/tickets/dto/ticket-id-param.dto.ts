import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class TicketIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class TicketAttachmentParamDto extends TicketIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  attachmentId: string;
}
