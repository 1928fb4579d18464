import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryStatus } from '../domain';

/** One announcement on one speaker: queued → sent → acked → played | failed. */
@Entity('speaker_announcement_deliveries')
@Index(['speakerId', 'status'])
export class AnnouncementDelivery {
  @PrimaryColumn('uuid')
  announcementId: string;

  @PrimaryColumn('text')
  speakerId: string;

  @Column('text')
  status: DeliveryStatus;

  /** The speaker.announce command. */
  @Column('uuid', { nullable: true })
  commandId: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  ackedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
