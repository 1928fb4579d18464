import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeviceCommandDataMap, DeviceCommandType } from '@app/contracts';
import { QueueBlock, QueueView, ResidentNotice } from '../domain';
import { AnnouncementStatusService } from '../announcements/announcement-status.service';
import { playedFallbackAt } from '../policy/announcement-status';
import { musicCommandData } from '../policy/music-command';
import { Applied } from './engine-effects';
import { SpeakerDeviceLinks } from './speaker-device-links';
import { SpeakerLive } from './speaker-live.service';
import { SpeakerNotices } from './speaker-notices';
import { keptInInbox } from '../policy/notice-text';
import { SpeakerTimers } from './speaker-timers.service';

const MAX_COMMAND_TTL_MS = 5 * 60_000;

/**
 * Carries out a committed command's effects: device commands, timers, pushes. Never throws (the
 * state is committed; a lost effect is repaired by the sweep or the next command). Returns the
 * announcements whose `speaker.announce` could not be sent, for the engine to settle as failed.
 */
@Injectable()
export class EffectRunner {
  private readonly logger = new Logger(EffectRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly devices: SpeakerDeviceLinks,
    private readonly timers: SpeakerTimers,
    private readonly live: SpeakerLive,
    private readonly notices: SpeakerNotices,
    private readonly announcements: AnnouncementStatusService,
  ) {}

  async run(applied: Applied): Promise<string[]> {
    const s = applied.speaker;
    const id = s.deviceId;
    const now = Date.now();
    const notices: { residentId: string; notice: ResidentNotice }[] = [];
    let queue: { entries: readonly QueueView[]; blockedBy: QueueBlock | null } | null = null;
    const changedAnnouncements = new Set<string>();
    const failedAnnouncements: string[] = [];
    for (const effect of applied.effects) {
      try {
        switch (effect.type) {
          case 'sendPairingOpen': {
            const ttlMs = Math.min(MAX_COMMAND_TTL_MS, Math.max(1000, Date.parse(effect.until) - now));
            await this.send(id, 'speaker.pairing.open', { sessionId: effect.sessionId, code: effect.code, until: effect.until }, ttlMs);
            break;
          }
          case 'sendDisconnect':
            await this.send(id, 'speaker.disconnect', { sessionId: effect.sessionId, reason: effect.reason });
            break;
          case 'sendVolume':
            await this.send(id, 'speaker.volume', { level: effect.level, cap: effect.cap });
            break;
          case 'sendMusic':
            await this.send(id, 'speaker.music', musicCommandData(effect));
            break;
          case 'scheduleTimer':
            await this.timers.schedule(id, effect.at, effect.id);
            break;
          case 'cancelTimer':
            await this.timers.cancel(effect.id);
            break;
          case 'notifyResident':
            if (!keptInInbox(effect.notice)) notices.push({ residentId: effect.residentId, notice: effect.notice });
            break;
          case 'queueChanged':
            queue = { entries: effect.entries, blockedBy: effect.blockedBy };
            break;
          case 'sessionEvent':
            break; // written with the state
          case 'announce': {
            const data: DeviceCommandDataMap['speaker.announce'] = { announcementId: effect.announcementId, priority: effect.priority };
            if (effect.text) data.text = effect.text;
            if (effect.audioUrl) data.audioUrl = effect.audioUrl;
            const sent = await this.send(id, 'speaker.announce', data);
            if (!sent) {
              failedAnnouncements.push(effect.announcementId);
              break;
            }
            await this.db.query(`UPDATE speaker_announcement_deliveries SET "commandId" = $3 WHERE "announcementId" = $1 AND "speakerId" = $2`, [effect.announcementId, id, sent]);
            await this.timers.announcementEnd(effect.announcementId, id, playedFallbackAt(now, effect.durationMs));
            break;
          }
          case 'stopPlayback':
            await this.send(id, 'speaker.stop', {});
            break;
          case 'announcementChanged':
            changedAnnouncements.add(effect.announcementId);
            break;
        }
      } catch (err) {
        this.logger.warn({ speakerId: id, effect: effect.type }, `speaker effect failed: ${(err as Error).message}`);
        if (effect.type === 'announce') failedAnnouncements.push(effect.announcementId);
      }
    }
    await this.push(applied, notices, queue, changedAnnouncements);
    return failedAnnouncements;
  }

  private async push(
    applied: Applied,
    notices: { residentId: string; notice: ResidentNotice }[],
    queue: { entries: readonly QueueView[]; blockedBy: QueueBlock | null } | null,
    changedAnnouncements: Set<string>,
  ): Promise<void> {
    const s = applied.speaker;
    try {
      this.notices.push(applied.notifications);
      await this.live.notify(s, this.notices.speakerName(s.deviceId), notices);
      if (queue) {
        const now = new Set(queue.entries.map((e) => e.residentId));
        const dropped = applied.before.state.queue.map((e) => e.residentId).filter((r) => !now.has(r));
        await this.live.queue(s, queue.entries, queue.blockedBy, dropped);
      }
      if (applied.changed) await this.live.state(s);
      for (const announcementId of changedAnnouncements) await this.announcements.refresh(announcementId);
    } catch (err) {
      this.logger.warn({ speakerId: s.deviceId }, `speaker push failed: ${(err as Error).message}`);
    }
  }

  /** Sends one short-lived command; the command id when the broker took it, null when it failed. */
  private async send<T extends DeviceCommandType>(deviceId: string, type: T, data: DeviceCommandDataMap[T], ttlMs?: number): Promise<string | null> {
    const record = await this.devices.commands.send(deviceId, type, data, ttlMs ? { ttlMs } : {});
    if (record.status === 'failed') {
      this.logger.warn({ deviceId, type, error: record.error }, 'speaker command not delivered to the broker');
      return null;
    }
    return record.id;
  }
}
