import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HolidayException } from '../domain';

/** A site's holidays (local dates in its time zone) and the default policies it switched off. No row = none. */
@Entity('site_access_settings')
export class SiteAccessSettings {
  @PrimaryColumn('uuid')
  siteId: string;

  @Column('jsonb', { default: [] })
  holidays: HolidayException[];

  @Column('text', { array: true, default: '{}' })
  disabledDefaultPolicies: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
