import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, Principal } from '@app/core';
import type { SpeakerQueuePayload, SpeakerStatePayload } from '@app/contracts/realtime';
import { RealtimeAccess, SnapshotProviders } from '@app/realtime';
import { DEVICE_ID_PATTERN } from '@app/contracts';
import { estimatedWait } from '../domain';
import type { DeliveryStatus } from '../domain';
import { toPayload } from '../announcements/announcement-status.service';
import type { Announcement } from '../announcements/announcement.entity';
import { LockedSpeaker } from '../engine/locked-speaker';
import { seesSite, staffReaches } from '../engine/speaker-access';
import { SpeakerLive } from '../engine/speaker-live.service';
import { SpeakerStore } from '../engine/speaker-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Plugs speakers into the realtime gateway (api): who may follow `speaker:<id>` (residents and staff
 * of its site) and `announcement:<id>` (staff), and what a connection sees on (re)connect: staff
 * the speakers of their sites, residents the speakers where they hold a session or a place.
 */
@Injectable()
export class SpeakerRealtimeRegistration implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: SpeakerStore,
    private readonly live: SpeakerLive,
    @Optional() private readonly access?: RealtimeAccess,
    @Optional() private readonly snapshots?: SnapshotProviders,
  ) {}

  onModuleInit(): void {
    if (this.access && !this.access.has('speaker')) {
      this.access.registerTopic(
        'speaker',
        async (p, id) => {
          if (!DEVICE_ID_PATTERN.test(id)) return false;
          const s = await this.store.find(id);
          return !!s && seesSite(p, s.siteId);
        },
        async (p, id) => {
          const s = await this.store.find(id);
          return s && seesSite(p, s.siteId) ? this.sections(p, [s]) : {};
        },
      );
    }
    if (this.access && !this.access.has('announcement')) {
      this.access.registerTopic(
        'announcement',
        async (p, id) => {
          const a = await this.announcement(id);
          return !!a && staffReaches(p, a.siteId);
        },
        async (p, id) => {
          const a = await this.announcement(id);
          if (!a || !staffReaches(p, a.siteId)) return {};
          const rows = (await this.db.query(`SELECT status FROM speaker_announcement_deliveries WHERE "announcementId" = $1`, [id])) as { status: DeliveryStatus }[];
          return { announcements: [toPayload(a, rows.map((r) => r.status))] };
        },
      );
    }
    this.snapshots?.register('speakers', async (p) => {
      if (isStaff(p)) return this.sections(p, await this.store.list({ siteIds: p.role === 'admin' && !p.siteIds.length ? null : p.siteIds }));
      if (!p.residentId) return {};
      const held = await this.db.transaction((m) => this.store.statesHeldBy(m, p.residentId!));
      // A resident holding nothing gets no speaker sections at all.
      return held.length ? this.sections(p, await this.store.list({ deviceIds: held.map((s) => s.speakerId) })) : {};
    });
  }

  private sections(p: Principal, speakers: LockedSpeaker[]): { speakers: SpeakerStatePayload[]; queues: SpeakerQueuePayload[] } {
    const at = new Date();
    const now = at.getTime();
    return {
      speakers: speakers.map((s) => this.live.statePayload(s, at, isStaff(p) || s.state.session?.residentId === p.residentId)),
      queues: speakers.map((s) => {
        const base = { id: s.deviceId, version: s.version, at: at.toISOString(), length: s.state.queue.length };
        if (isStaff(p)) return base;
        const index = s.state.queue.findIndex((e) => e.residentId === p.residentId);
        if (index < 0) return { ...base, position: null, estimatedWaitSeconds: null };
        const wait = estimatedWait(index + 1, s.state, s.zone, now);
        return { ...base, position: index + 1, estimatedWaitSeconds: wait ? Math.ceil(wait.waitMs / 1000) : null };
      }),
    };
  }

  private async announcement(id: string): Promise<Announcement | null> {
    if (!UUID.test(id)) return null;
    const [a] = (await this.db.query(`SELECT * FROM speaker_announcements WHERE id = $1`, [id])) as Announcement[];
    return a ?? null;
  }
}
