import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * queued: a place in the speaker's queue (its id becomes the session id when the turn is claimed);
 * pairing / connected / reconnecting / interrupted: running; ended, left (the queue), missed (the turn).
 */
export type SessionRecordStatus = 'queued' | 'pairing' | 'connected' | 'reconnecting' | 'interrupted' | 'ended' | 'left' | 'missed';
export const OPEN_RECORD_STATUSES: readonly SessionRecordStatus[] = ['queued', 'pairing', 'connected', 'reconnecting', 'interrupted'];

export interface SessionTimelineEntry {
  event: string;
  at: string;
  reason?: string;
}

/** The history of a resident's turn at a speaker, from queue place (or pairing) to its end. */
@Entity('speaker_sessions')
@Index(['residentId', 'connectedAt'])
@Index(['speakerId', 'createdAt'])
@Index(['siteId', 'createdAt'])
@Index('UQ_speaker_sessions_one_queue_place', ['speakerId', 'residentId'], { unique: true, where: `"status" = 'queued'` })
export class SpeakerSessionRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  speakerId: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  zoneId: string;

  @Column('uuid')
  residentId: string;

  @Column('text')
  status: SessionRecordStatus;

  @Column('timestamptz', { nullable: true })
  queuedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  pairingAt: Date | null;

  @Column('timestamptz', { nullable: true })
  connectedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  endReason: string | null;

  /** Staff's reason when they ended it. */
  @Column('text', { nullable: true })
  endNote: string | null;

  @Column('int', { nullable: true })
  usedMs: number | null;

  /** Whether it used up one of the resident's daily sessions (only sessions that really played). */
  @Column('boolean', { default: false })
  countsTowardDailyCap: boolean;

  @Column('jsonb', { default: [] })
  timeline: SessionTimelineEntry[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
