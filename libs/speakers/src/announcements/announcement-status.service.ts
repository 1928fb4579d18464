import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AnnouncementStatusPayload } from '@app/contracts/realtime';
import type { DeliveryStatus } from '../domain';
import { SpeakerLive } from '../engine/speaker-live.service';
import { deliveredCount, overallAnnouncementStatus } from '../policy/announcement-status';
import type { Announcement } from './announcement.entity';

/** Keeps an announcement's overall status in step with its deliveries and pushes it to staff. */
@Injectable()
export class AnnouncementStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: SpeakerLive,
  ) {}

  async refresh(announcementId: string): Promise<AnnouncementStatusPayload | null> {
    const payload = await this.db.transaction(async (m) => {
      const [a] = (await m.query(`SELECT * FROM speaker_announcements WHERE id = $1 FOR UPDATE`, [announcementId])) as Announcement[];
      if (!a) return null;
      const rows = (await m.query(`SELECT status FROM speaker_announcement_deliveries WHERE "announcementId" = $1`, [announcementId])) as { status: DeliveryStatus }[];
      const statuses = rows.map((r) => r.status);
      const status = overallAnnouncementStatus({ scheduledAt: a.scheduledAt?.getTime() ?? null, cancelled: a.status === 'cancelled' }, statuses, Date.now());
      // Every refresh is a new version: the delivered count moves even when the status does not.
      const [{ version }] = (await m.query(`UPDATE speaker_announcements SET status = $2, version = version + 1, "updatedAt" = now() WHERE id = $1 RETURNING version`, [
        announcementId,
        status,
      ])) as { version: number }[];
      return toPayload({ ...a, status, version }, statuses);
    });
    if (payload) this.live.announcement(payload);
    return payload;
  }
}

export function toPayload(a: Pick<Announcement, 'id' | 'siteId' | 'status' | 'priority' | 'version'>, statuses: readonly DeliveryStatus[]): AnnouncementStatusPayload {
  return {
    id: a.id,
    version: a.version,
    at: new Date().toISOString(),
    siteId: a.siteId,
    status: a.status,
    priority: a.priority,
    delivered: deliveredCount(statuses),
    total: statuses.length,
  };
}
