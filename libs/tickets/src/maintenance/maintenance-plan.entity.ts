import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TicketCategory, TicketPriority } from '../domain';

/** Preventive maintenance: a schedule that creates one ticket per occurrence (BullMQ job scheduler). */
@Entity('maintenance_plans')
@Index(['siteId', 'active'])
export class MaintenancePlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid', { nullable: true })
  buildingId: string | null;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  category: TicketCategory;

  @Column('text', { default: 'normal' })
  priority: TicketPriority;

  @Column('text')
  location: string;

  /** Cron pattern in the site's zone, or null when `everyMs` is used. */
  @Column('text', { nullable: true })
  pattern: string | null;

  @Column('int', { nullable: true })
  everyMs: number | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('uuid', { nullable: true })
  createdByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
