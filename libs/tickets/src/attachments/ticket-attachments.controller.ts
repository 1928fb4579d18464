import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Principal } from '@app/core';
import { TicketAttachmentParamDto, TicketIdParamDto } from '../tickets/dto/ticket-id-param.dto';
import { AttachmentView } from '../tickets/ticket-query.service';
import { TicketAttachmentsService, UploadedImage } from './ticket-attachments.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets/:id/attachments')
export class TicketAttachmentsController {
  constructor(private readonly attachments: TicketAttachmentsService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ summary: 'Attach a photo (JPEG, PNG, GIF, WebP, HEIC; size-capped by UPLOADS_MAX_BYTES)' })
  add(@CurrentUser() user: Principal, @Param() p: TicketIdParamDto, @UploadedFile() file: UploadedImage | undefined): Promise<AttachmentView> {
    return this.attachments.add(user, p.id, file);
  }

  @Get(':attachmentId')
  @ApiOperation({ summary: 'The photo itself (only for those who may see the ticket)' })
  async get(@CurrentUser() user: Principal, @Param() p: TicketAttachmentParamDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(user, p.id, p.attachmentId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(stream, {
      type: attachment.contentType,
      length: attachment.sizeBytes,
      disposition: `inline; filename="${encodeURIComponent(attachment.fileName)}"`,
    });
  }
}
