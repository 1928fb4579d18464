import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommentVisibility } from '../domain';

/** A comment: public (the household sees it) or an internal note (staff only). */
@Entity('ticket_comments')
@Index(['ticketId', 'createdAt'])
export class TicketComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('text')
  authorRole: string;

  /** residentId or staffId. */
  @Column('uuid')
  authorId: string;

  @Column('uuid', { nullable: true })
  authorAccountId: string | null;

  @Column('text')
  visibility: CommentVisibility;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
