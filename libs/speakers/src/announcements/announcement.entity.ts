import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AnnouncementTargetKind = 'speaker' | 'zone' | 'site';

/** A staff announcement to one speaker, a zone or a whole site; delivery is tracked per speaker. */
@Entity('speaker_announcements')
@Index(['siteId', 'createdAt'])
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text', { nullable: true })
  text: string | null;

  @Column('text', { nullable: true })
  audioUrl: string | null;

  @Column('text')
  targetKind: AnnouncementTargetKind;

  @Column('text')
  targetId: string;

  @Column('text')
  priority: 'normal' | 'emergency';

  @Column('timestamptz', { nullable: true })
  scheduledAt: Date | null;

  /** Past this, undelivered speakers are marked failed (a stale message would mislead). */
  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  /** How long it plays; a speaker's delivery counts as played this long after it started. */
  @Column('int')
  durationMs: number;

  /** scheduled | sending | playing | delivered | partial | failed | cancelled (overall, from the deliveries). */
  @Column('text')
  status: string;

  @Column('uuid', { nullable: true })
  createdByAccountId: string | null;

  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
