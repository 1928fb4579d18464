import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommentVisibility } from '../domain';

export type TicketActivityAction =
  | 'created'
  | 'status_changed'
  | 'assigned'
  | 'reassigned'
  | 'auto_assign_failed'
  | 'reclassified'
  | 'comment'
  | 'internal_note'
  | 'escalation'
  | 'rated'
  | 'merged'
  | 'attachment_added'
  | 'duplicate_flagged';

/** The ticket's activity log: who changed what, before and after, when. Shown on the ticket. */
@Entity('ticket_activities')
@Index(['ticketId', 'at'])
export class TicketActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('timestamptz')
  at: Date;

  /** resident / staff / manager / admin / system. */
  @Column('text')
  actorRole: string;

  /** residentId, staffId, or a job name for the system. */
  @Column('text')
  actorId: string;

  @Column('uuid', { nullable: true })
  actorAccountId: string | null;

  @Column('text')
  action: TicketActivityAction;

  /** Internal entries (notes, escalations, assignment reasoning) are hidden from residents. */
  @Column('text', { default: 'public' })
  visibility: CommentVisibility;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  note: string | null;
}
