import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { once } from 'node:events';
import { CurrentUser, Page, Principal } from '@app/core';
import { AccessEventFilterDto, AccessEventQueryDto, AccessEventView } from './dto/access-event-query.dto';
import { AccessLogService } from './access-log.service';

const CSV_COLUMNS: (keyof AccessEventView)[] = ['at', 'id', 'siteId', 'deviceId', 'method', 'credential', 'result', 'reason', 'personId', 'personKind', 'personName', 'visitorName', 'passId', 'score', 'latencyUs'];

@ApiTags('access')
@ApiBearerAuth()
@Controller('access')
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Get('events')
  @ApiOperation({ summary: "The access log, newest first. Staff: their sites. Residents: their household's entries and their visitors'" })
  list(@CurrentUser() user: Principal, @Query() q: AccessEventQueryDto): Promise<Page<AccessEventView>> {
    return this.log.list(user, q);
  }

  @Get('events.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The access log as CSV, streamed (same filters and scope, at most 100,000 rows)' })
  async csv(@CurrentUser() user: Principal, @Query() q: AccessEventFilterDto, @Res() res: Response): Promise<void> {
    const rows = this.log.all(user, q);
    res.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="access-events-${new Date().toISOString().slice(0, 10)}.csv"`);
    const csv = stringify({ header: true, columns: CSV_COLUMNS as string[] });
    csv.pipe(res);
    try {
      for await (const row of rows) {
        if (!csv.write({ ...row, score: row.score ?? '', latencyUs: row.latencyUs ?? '' })) await once(csv, 'drain');
      }
    } finally {
      csv.end();
    }
  }
}
