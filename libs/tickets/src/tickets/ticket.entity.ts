import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { EmergencyKind, TicketCategory, TicketPriority, TicketStatus } from '../domain';

export type ReporterKind = 'resident' | 'staff' | 'plan';

/** One status change, as the SLA clock reads it back. */
export interface StoredStatusChange {
  at: string;
  to: TicketStatus;
}

export interface PreferredWindow {
  from: string;
  to: string;
}

/**
 * A property ticket. SLA due times are stored (recomputed on every change) so the console can
 * filter and sort on them; `version` gives optimistic concurrency to every change.
 */
@Entity('tickets')
@Index('IDX_tickets_site_status_created', ['siteId', 'status', 'createdAt'])
@Index('IDX_tickets_site_created', ['siteId', 'createdAt'])
@Index('IDX_tickets_assignee_status', ['assigneeId', 'status'])
// Open work per technician (auto-assignment counts it on every create): only open rows are indexed.
@Index('IDX_tickets_open_by_assignee', ['assigneeId'], { where: `"status" IN ('new', 'assigned', 'in_progress', 'on_hold', 'reopened')` })
@Index('IDX_tickets_sla_due', ['siteId', 'slaDueAt'], { where: '"slaDueAt" IS NOT NULL' })
@Index('IDX_tickets_sla_next', ['slaNextEscalationAt'], { where: '"slaNextEscalationAt" IS NOT NULL' })
@Index('IDX_tickets_auto_close', ['autoCloseAt'], { where: '"autoCloseAt" IS NOT NULL' })
@Index('IDX_tickets_unit_created', ['unitId', 'createdAt'], { where: '"unitId" IS NOT NULL' })
@Index('IDX_tickets_reporter_created', ['reporterId', 'createdAt'])
@Index('IDX_tickets_dup_probe', ['siteId', 'category', 'createdAt'], { where: '"unitId" IS NULL' })
@Index('UQ_tickets_plan_occurrence', ['planId', 'occurrenceKey'], { unique: true, where: '"planId" IS NOT NULL' })
// Trigram text search over title + description: an expression index the migration creates by hand.
@Index('IDX_tickets_search_trgm', { synchronize: false })
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Sequence number shown as T-000123. */
  @Column('int', { unique: true })
  @Generated('increment')
  number: number;

  @Column('uuid')
  siteId: string;

  @Column('uuid', { nullable: true })
  buildingId: string | null;

  /** The household unit; null for a common-area ticket (then `location` is set). */
  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text')
  category: TicketCategory;

  @Column('text')
  priority: TicketPriority;

  /** 0 low … 3 emergency, for sorting by priority. */
  @Column('smallint')
  priorityRank: number;

  @Column('text')
  status: TicketStatus;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('jsonb', { nullable: true })
  preferredWindow: PreferredWindow | null;

  @Column('boolean', { default: false })
  emergency: boolean;

  @Column('text', { array: true, default: '{}' })
  emergencyReasons: EmergencyKind[];

  @Column('text')
  reporterKind: ReporterKind;

  /** residentId, staffId or planId depending on reporterKind. */
  @Column('uuid')
  reporterId: string;

  @Column('uuid', { nullable: true })
  reporterAccountId: string | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  /** Set when an open common-area ticket at the same place and category was found (staff decide). */
  @Column('uuid', { nullable: true })
  likelyDuplicateOfId: string | null;

  @Column('uuid', { nullable: true })
  mergedIntoId: string | null;

  /** Accounts kept informed besides the reporter and assignee (reporters of merged duplicates). */
  @Column('uuid', { array: true, default: '{}' })
  watcherAccountIds: string[];

  @Column('text', { nullable: true })
  holdReason: string | null;

  @Column('text', { nullable: true })
  resolutionNote: string | null;

  @Column('timestamptz', { nullable: true })
  firstResponseAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('int', { default: 0 })
  reopenCount: number;

  /** Every status change since creation (the SLA clock is recomputed from it). */
  @Column('jsonb', { default: () => "'[]'" })
  statusTimeline: StoredStatusChange[];

  @Column('timestamptz', { nullable: true })
  firstResponseWarnAt: Date | null;

  @Column('timestamptz', { nullable: true })
  firstResponseDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  firstResponseMetAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolutionWarnAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolutionDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolutionMetAt: Date | null;

  @Column('timestamptz', { nullable: true })
  slaStoppedAt: Date | null;

  @Column('boolean', { default: false })
  slaPaused: boolean;

  @Column('timestamptz', { nullable: true })
  slaWarnAt: Date | null;

  @Column('timestamptz', { nullable: true })
  slaDueAt: Date | null;

  @Column('boolean', { default: false })
  slaBreached: boolean;

  @Column('timestamptz', { nullable: true })
  slaNextEscalationAt: Date | null;

  /** Escalation keys already handled ('first_response.warn', …): each fires once. */
  @Column('text', { array: true, default: '{}' })
  escalationsFired: string[];

  /** BullMQ ids of the delayed SLA jobs scheduled last (removed when due times change). */
  @Column('text', { array: true, default: '{}' })
  slaJobIds: string[];

  @Column('timestamptz', { nullable: true })
  autoCloseAt: Date | null;

  @Column('timestamptz', { nullable: true })
  ratedAt: Date | null;

  @Column('smallint', { nullable: true })
  ratingScore: number | null;

  /** Preventive maintenance: the plan and occurrence this ticket was made for (one per occurrence). */
  @Column('uuid', { nullable: true })
  planId: string | null;

  @Column('text', { nullable: true })
  occurrenceKey: string | null;

  @VersionColumn()
  version: number;

  // Millisecond precision: keyset cursors carry JavaScript dates, which have no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
