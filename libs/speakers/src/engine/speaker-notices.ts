import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Notification, NotificationDraft, Notifier } from '@app/notifications';
import { ResidentNotice } from '../domain';
import { keptInInbox, noticeData, noticeTitle } from '../policy/notice-text';
import { EngineEffect } from './engine-effects';
import { LockedSpeaker } from './locked-speaker';
import { accountsOfResidents } from './resident-accounts';
import { SpeakerDeviceLinks } from './speaker-device-links';

export interface ResidentNoticeEffect {
  readonly residentId: string;
  readonly notice: ResidentNotice;
}

/**
 * Residents' speaker notices that belong in their inbox (turn offered, ending soon, ended…), written
 * in the command's transaction; the Notifier pushes them after the commit. Moment-to-moment ones
 * (pairing, interrupted, resumed…) stay live-only (SpeakerLive.notify).
 */
@Injectable()
export class SpeakerNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly devices: SpeakerDeviceLinks,
  ) {}

  async store(m: EntityManager, speaker: LockedSpeaker, effects: readonly EngineEffect[], now: number): Promise<Notification[]> {
    const notices = residentNotices(effects).filter((n) => keptInInbox(n.notice));
    if (!notices.length) return [];
    const accounts = await accountsOfResidents(m, notices.map((n) => n.residentId));
    const name = this.speakerName(speaker.deviceId);
    const drafts: NotificationDraft[] = [];
    for (const { residentId, notice } of notices) {
      const account = accounts.get(residentId);
      if (account) drafts.push({ accountIds: [account], kind: `speaker.${notice.kind}`, title: noticeTitle(notice, name, now), body: JSON.stringify(noticeData(notice)), ref: { type: 'speaker', id: speaker.deviceId } });
    }
    return this.notifier.store(m, drafts);
  }

  push(rows: readonly Notification[]): void {
    this.notifier.push(rows);
  }

  speakerName(deviceId: string): string {
    return this.devices.directory.get(deviceId)?.name ?? deviceId;
  }
}

export function residentNotices(effects: readonly EngineEffect[]): ResidentNoticeEffect[] {
  return effects.flatMap((e) => (e.type === 'notifyResident' ? [{ residentId: e.residentId, notice: e.notice }] : []));
}
