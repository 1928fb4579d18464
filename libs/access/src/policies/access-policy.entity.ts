import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklyWindow } from '../domain';

/**
 * A policy staff created for their site: a directory group × gates of the site × weekly windows.
 * It adds to the default policies (which are computed, never stored; see site_access_settings).
 */
@Entity('access_policies')
@Index(['siteId'])
export class AccessPolicyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  groupId: string;

  @Column('text', { array: true })
  gateIds: string[];

  /** null = around the clock. */
  @Column('jsonb', { nullable: true })
  windows: WeeklyWindow[] | null;

  /** The site's holidays replace the weekly windows. */
  @Column('boolean', { default: false })
  followsHolidays: boolean;

  @Column('text')
  label: string;

  @Column('boolean', { default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
