import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { staffRoom, topicRoom, userRoom, type AnnouncementStatusPayload, type RoomName, type SpeakerQueuePayload, type SpeakerStatePayload } from '@app/contracts/realtime';
import { RealtimePublisher } from '@app/realtime';
import { QueueBlock, QueueView, ResidentNotice } from '../domain';
import { noticeData, noticeTitle } from '../policy/notice-text';
import { capInForce } from '../policy/speaker-view';
import { LockedSpeaker } from './locked-speaker';
import { accountsOfResidents } from './resident-accounts';

/**
 * Live updates (after the commit): `speaker.state` to the site's staff, the opt-in `speaker:<id>`
 * room (no identities) and the session owner; `speaker.queue` lengths to staff and the room, each
 * queued resident's own position to them; notices to the resident's user room.
 */
@Injectable()
export class SpeakerLive {
  private readonly logger = new Logger(SpeakerLive.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly publisher?: RealtimePublisher,
  ) {}

  /** accountId per residentId (a resident without an account gets no pushes). */
  accountsOf(residentIds: readonly string[]): Promise<Map<string, string>> {
    return accountsOfResidents(this.db, residentIds);
  }

  statePayload(s: LockedSpeaker, at: Date, withSession: boolean): SpeakerStatePayload {
    const session = s.state.session;
    return {
      id: s.deviceId,
      version: s.version,
      at: at.toISOString(),
      siteId: s.siteId,
      zoneId: s.zoneId,
      online: s.state.online,
      mode: s.state.mode,
      ...(s.playback ? { playback: s.playback } : {}),
      ...(session?.phase === 'connected' ? { volume: session.volume } : {}),
      cap: capInForce(s.state, s.zone),
      backgroundMusic: s.state.music ? { playlist: s.state.music.playlist, level: s.state.music.level } : null,
      sessionId: withSession ? (session?.sessionId ?? null) : null,
      sessionEndsAt: session?.endsAt ? new Date(session.endsAt).toISOString() : null,
    };
  }

  async state(s: LockedSpeaker, at = new Date()): Promise<void> {
    if (!this.publisher) return;
    const full = this.statePayload(s, at, true);
    this.publisher.toRoom(staffRoom(s.siteId), 'speaker.state', full);
    this.publisher.toRoom(topicRoom('speaker', s.deviceId), 'speaker.state', this.statePayload(s, at, false));
    const owner = s.state.session?.residentId;
    if (owner) {
      const account = (await this.accountsOf([owner])).get(owner);
      if (account) this.publisher.toRoom(userRoom(account), 'speaker.state', full);
    }
  }

  /** Queue lengths to staff and the speaker room; to each resident their own position (null once out). */
  async queue(s: LockedSpeaker, entries: readonly QueueView[], blockedBy: QueueBlock | null, dropped: readonly string[], at = new Date()): Promise<void> {
    if (!this.publisher) return;
    const base = { id: s.deviceId, version: s.version, at: at.toISOString(), length: entries.length };
    this.publisher.toRoom([staffRoom(s.siteId), topicRoom('speaker', s.deviceId)], 'speaker.queue', base);
    const accounts = await this.accountsOf([...entries.map((e) => e.residentId), ...dropped]);
    for (const entry of entries) {
      const account = accounts.get(entry.residentId);
      if (!account) continue;
      const wait = blockedBy === 'speaker_offline' ? null : entry.estimatedWaitMs;
      const payload: SpeakerQueuePayload = { ...base, position: entry.position, estimatedWaitSeconds: wait === null ? null : Math.ceil(wait / 1000) };
      this.publisher.toRoom(userRoom(account), 'speaker.queue', payload);
    }
    for (const residentId of dropped) {
      const account = accounts.get(residentId);
      if (account) this.publisher.toRoom(userRoom(account), 'speaker.queue', { ...base, position: null, estimatedWaitSeconds: null });
    }
  }

  /** Live-only notices (the inbox-worthy ones are stored and pushed by SpeakerNotices). */
  async notify(s: Pick<LockedSpeaker, 'deviceId'>, speakerName: string, notices: readonly { residentId: string; notice: ResidentNotice }[], now = Date.now()): Promise<void> {
    if (!this.publisher || !notices.length) return;
    const accounts = await this.accountsOf(notices.map((n) => n.residentId));
    for (const { residentId, notice } of notices) {
      const account = accounts.get(residentId);
      if (!account) continue;
      this.publisher.toRoom(userRoom(account), 'notification', {
        id: randomUUID(),
        version: 1,
        at: new Date(now).toISOString(),
        kind: `speaker.${notice.kind}`,
        title: noticeTitle(notice, speakerName, now),
        body: JSON.stringify(noticeData(notice)),
        ref: { type: 'speaker', id: s.deviceId },
      });
    }
  }

  announcement(payload: AnnouncementStatusPayload): void {
    if (!this.publisher) return;
    const rooms: RoomName[] = [staffRoom(payload.siteId), topicRoom('announcement', payload.id)];
    this.publisher.toRoom(rooms, 'announcement.status', payload);
  }

  logFailure(what: string, err: unknown): void {
    this.logger.warn(`${what}: ${(err as Error).message}`);
  }
}
