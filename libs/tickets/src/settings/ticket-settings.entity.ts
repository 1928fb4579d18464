import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BusinessCalendar, SlaPolicyOverrides } from '../domain';

/** Per-site ticket settings: SLA overrides, business calendar, auto-close, anti-spam, round-robin pointers. */
@Entity('ticket_settings')
export class TicketSettings {
  @PrimaryColumn('uuid')
  siteId: string;

  /** Cells of the SLA table this site changes (null: the default table). */
  @Column('jsonb', { nullable: true })
  slaPolicy: SlaPolicyOverrides | null;

  /** The site's business calendar (null: the default one in the site's time zone). */
  @Column('jsonb', { nullable: true })
  calendar: BusinessCalendar | null;

  /** Days a resolved ticket waits for the resident before closing itself (fractions allowed). */
  @Column('double precision', { default: 3 })
  autoCloseDays: number;

  /** Tickets one resident may create per hour. */
  @Column('int', { default: 10 })
  createLimitPerHour: number;

  /** Round-robin pointers of auto-assignment: pool key -> last staff id assigned. */
  @Column('jsonb', { default: () => "'{}'" })
  roundRobin: Record<string, string>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
