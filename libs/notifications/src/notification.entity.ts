import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a person's notification inbox (written in the transaction of the change it reports). */
@Entity('notifications')
@Index(['accountId', 'createdAt'])
@Index(['accountId'], { where: '"readAt" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  accountId: string;

  /** e.g. ticket.assigned, sla.breach, speaker.turn_offered, visitor.arrived (the producing module prefixes it). */
  @Column('text')
  kind: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('text', { nullable: true })
  refType: string | null;

  @Column('text', { nullable: true })
  refId: string | null;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  // Millisecond precision: keyset cursors carry JavaScript dates, which have no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
