import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SpeakerState } from '../domain';

export interface SpeakerPlayback {
  state: 'playing' | 'paused' | 'idle';
  title?: string;
  artist?: string;
}

/**
 * A speaker device placed in a zone, with its live state: the pure reducer's state as JSONB. One row
 * per speaker; every command is applied under `SELECT … FOR UPDATE` of this row, so commands from
 * several api instances and the worker serialize per speaker.
 */
@Entity('speakers')
@Index(['siteId'])
@Index(['zoneId'])
export class Speaker {
  /** The device id (devices.id). */
  @PrimaryColumn('text')
  deviceId: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  zoneId: string;

  @Column('jsonb')
  state: SpeakerState;

  /** Grows with every change of state or playback (realtime `speaker.state` version). */
  @Column('int', { default: 1 })
  version: number;

  /** What the speaker last reported playing (`playback` events); not part of the reducer's state. */
  @Column('jsonb', { nullable: true })
  playback: SpeakerPlayback | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
