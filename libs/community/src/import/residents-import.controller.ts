import { Controller, HttpCode, Param, Post, Query, Req, UnsupportedMediaTypeException, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { CurrentUser, DomainError, Principal, Roles } from '@app/core';
import { SiteIdParamDto } from '../directory/dto/id-params.dto';
import { IMPORT_COLUMNS } from '../domain/validate-resident-import';
import { readTextBody } from './read-text-body';
import { ImportQueryDto } from './residents-import.dto';
import { ImportReport, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, ResidentsImportService } from './residents-import.service';

/** The part of a multer file we use (multer's own type is a global namespace augmentation). */
interface UploadedCsv {
  buffer: Buffer;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class ResidentsImportController {
  constructor(private readonly imports: ResidentsImportService) {}

  @Post('sites/:siteId/residents/import')
  @Roles('manager', 'admin')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Import residents from CSV: all rows or none',
    description: `Columns: ${IMPORT_COLUMNS.join(',')}. Body: the CSV as text/csv, or a multipart upload in field "file". At most ${MAX_IMPORT_BYTES} bytes and ${MAX_IMPORT_ROWS} rows. Imported residents cannot sign in until a password is set.`,
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', example: `${IMPORT_COLUMNS.join(',')}\nB1,101,Li Wei,13800138000,,owner` } })
  @ApiPayloadTooLargeResponse({ description: `file larger than ${MAX_IMPORT_BYTES} bytes` })
  async import(
    @CurrentUser() user: Principal,
    @Param() p: SiteIdParamDto,
    @Query() q: ImportQueryDto,
    @Req() req: IncomingMessage,
    @UploadedFile() file?: UploadedCsv,
  ): Promise<ImportReport> {
    return this.imports.import(user, p.siteId, await csvText(req, file), q.dryRun ?? false);
  }
}

async function csvText(req: IncomingMessage, file: UploadedCsv | undefined): Promise<string> {
  if (file) return file.buffer.toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'text/plain') return readTextBody(req, MAX_IMPORT_BYTES);
  if (type.startsWith('multipart/')) throw DomainError.badRequest('multipart upload has no CSV in field "file"', [{ field: 'file', reason: 'is required' }]);
  throw new UnsupportedMediaTypeException('send the CSV as text/csv or as a multipart upload in field "file"');
}
