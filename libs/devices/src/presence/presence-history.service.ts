import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CursorQueryDto, decodeCursor, DEFAULT_PAGE_LIMIT, Page, Principal, toPage } from '@app/core';
import type { PresenceReason } from './device-presence-change.entity';
import { DeviceScope } from './device-scope.service';

export interface PresenceChangeView {
  id: string;
  online: boolean;
  reason: PresenceReason;
  at: string;
}

interface Row {
  id: string;
  online: boolean;
  reason: PresenceReason;
  at: Date;
  /** Full-precision timestamp for the cursor (a JS Date would drop microseconds). */
  cursorAt: string;
}

/** The online/offline history of one device, newest first, keyset-paginated. */
@Injectable()
export class PresenceHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: DeviceScope,
  ) {}

  async history(p: Principal, deviceId: string, q: CursorQueryDto): Promise<Page<PresenceChangeView>> {
    await this.scope.find(p, deviceId, 'view');
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(q.cursor);
    const rows = (await this.db.query(
      `SELECT id, online, reason, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       FROM device_presence_changes
       WHERE "deviceId" = $1 AND ($2::timestamptz IS NULL OR (at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY at DESC, id DESC LIMIT $4`,
      [deviceId, after ? String(after.v) : null, after?.id ?? null, limit + 1],
    )) as Row[];
    const page = toPage(rows, limit, (r) => ({ v: r.cursorAt, id: r.id }));
    return { items: page.items.map((r) => ({ id: r.id, online: r.online, reason: r.reason, at: new Date(r.at).toISOString() })), nextCursor: page.nextCursor };
  }
}
