import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SpeakerCommand } from '../domain';
import { SpeakerEngine } from '../engine/speaker-engine.service';
import { SpeakerTimers } from '../engine/speaker-timers.service';
import { nextZoneBoundary } from '../policy/zone-boundaries';
import { StoredRules, zoneRulesOf } from '../policy/zone-input';

/**
 * The safety net behind the timers: every speaker gets a `tick` (what is due is applied, announcements
 * that may start do), a presence the reducer missed is caught up, and each zone's timer is re-planned.
 */
@Injectable()
export class SpeakerSweepService {
  private readonly logger = new Logger(SpeakerSweepService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SpeakerEngine,
    private readonly timers: SpeakerTimers,
  ) {}

  async sweep(): Promise<{ speakers: number; changed: number; zones: number }> {
    const rows = (await this.db.query(
      `SELECT s."deviceId", (s.state->>'online')::boolean AS "stateOnline", d.online FROM speakers s JOIN devices d ON d.id = s."deviceId" WHERE d.lifecycle = 'active' ORDER BY s."deviceId"`,
    )) as { deviceId: string; stateOnline: boolean; online: boolean }[];
    let changed = 0;
    for (const row of rows) {
      const command: SpeakerCommand = row.online === row.stateOnline ? { type: 'tick' } : { type: row.online ? 'speakerOnline' : 'speakerOffline' };
      if (await this.tick(row.deviceId, command)) changed++;
    }
    const zones = await this.planZoneTimers();
    return { speakers: rows.length, changed, zones };
  }

  /** Quiet hours, opening hours or music changed in a zone: tick its speakers and plan the next change. */
  async zoneTick(zoneId: string): Promise<number> {
    const rows = (await this.db.query(`SELECT "deviceId" FROM speakers WHERE "zoneId" = $1 ORDER BY "deviceId"`, [zoneId])) as { deviceId: string }[];
    let changed = 0;
    for (const row of rows) if (await this.tick(row.deviceId, { type: 'tick' })) changed++;
    await this.planZoneTimers(zoneId);
    return changed;
  }

  async tick(speakerId: string, command: SpeakerCommand = { type: 'tick' }): Promise<boolean> {
    try {
      const applied = await this.engine.apply(speakerId, async (step) => {
        step.reduce(command);
      });
      return applied.changed;
    } catch (err) {
      this.logger.warn({ speakerId }, `speaker tick failed: ${(err as Error).message}`);
      return false;
    }
  }

  private async planZoneTimers(zoneId?: string): Promise<number> {
    const zones = (await this.db.query(
      `SELECT z.id, z.rules, st.timezone FROM speaker_zones z JOIN sites st ON st.id = z."siteId" ${zoneId ? 'WHERE z.id = $1' : ''}`,
      zoneId ? [zoneId] : [],
    )) as { id: string; rules: StoredRules; timezone: string }[];
    const now = Date.now();
    for (const zone of zones) {
      const at = nextZoneBoundary(zoneRulesOf(zone.id, zone.timezone, zone.rules), now);
      if (at !== null) await this.timers.zoneTick(zone.id, at);
    }
    return zones.length;
  }
}
