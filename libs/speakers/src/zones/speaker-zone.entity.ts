import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ZoneRules } from '../domain';
import type { ZoneTimingsSeconds } from '../policy/zone-input';

/** The rules of a zone as stored: everything but the ids and the time zone (that is the site's). */
export type StoredZoneRules = Omit<ZoneRules, 'zoneId' | 'timeZone'>;

/** A leisure area with speakers ("Lakeside plaza"): volume caps, quiet hours, session length, opening hours. */
@Entity('speaker_zones')
@Index(['siteId', 'name'], { unique: true })
export class SpeakerZone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  name: string;

  /** Complete rules, defaults filled in when written (so a later change of defaults never shifts a zone). */
  @Column('jsonb')
  rules: StoredZoneRules;

  /** Overrides of the session timings (pairing, claim, warning, reconnect grace), in seconds. */
  @Column('jsonb', { default: {} })
  timings: ZoneTimingsSeconds;

  /** Grows with every change (realtime payloads and optimistic readers). */
  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
