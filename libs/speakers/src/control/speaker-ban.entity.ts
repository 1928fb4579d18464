import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A resident kept off the site's speakers for a time (or until lifted). */
@Entity('speaker_bans')
@Index(['residentId'])
@Index(['siteId', 'createdAt'])
export class SpeakerBanRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  residentId: string;

  @Column('text')
  reason: string;

  /** null: until lifted. */
  @Column('timestamptz', { nullable: true })
  until: Date | null;

  @Column('timestamptz', { nullable: true })
  liftedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdByAccountId: string | null;

  @Column('uuid', { nullable: true })
  liftedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
